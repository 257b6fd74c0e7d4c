package fi.yhdyspinta.careplan.consent;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemType;

/** consent-service away → 503 problem+json with {@code Retry-After}: nothing is wrong with the request. */
public class ConsentServiceUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(ConsentServiceUnavailableMapper.class);

    @ServerExceptionMapper
    public Response unavailable(ConsentServiceUnavailable e, UriInfo uri) {
        LOG.warnf("consent-service unavailable on %s: %s", uri.getPath(),
                e.getCause() == null ? "-" : e.getCause().getClass().getName());
        int retryAfter = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("yhdyspinta.problem.retry-after-seconds", Integer.class).orElse(5);
        Problem problem = new Problem(ProblemType.SERVICE_UNAVAILABLE.uri(), ProblemType.SERVICE_UNAVAILABLE.title(),
                503, "consent-service cannot be asked for the consent decision just now; retry after the time in "
                        + "Retry-After", uri.getPath(), List.of(), Map.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem).header("Retry-After", retryAfter)
                .build();
    }
}
