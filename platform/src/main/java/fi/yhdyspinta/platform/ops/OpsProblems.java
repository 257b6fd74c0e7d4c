package fi.yhdyspinta.platform.ops;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemType;

/** The broker away while ops read or re-drive dead letters: 503 problem+json with {@code Retry-After}. */
public class OpsProblems {

    private static final Logger LOG = Logger.getLogger(OpsProblems.class);

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e, UriInfo uri) {
        LOG.warnf("broker unavailable on %s: %s", uri.getPath(),
                e.getCause() == null ? "timeout" : e.getCause().getClass().getName());
        ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
        Problem problem = new Problem(type.uri(), type.title(), type.status().getStatusCode(),
                "the service cannot reach the Kafka broker just now; retry after the time in Retry-After",
                uri.getPath(), List.of(), Map.of());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", ConfigProvider.getConfig()
                        .getOptionalValue("yhdyspinta.problem.retry-after-seconds", Integer.class).orElse(5))
                .build();
    }
}
