package fi.yhdyspinta.platform.audit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fi.yhdyspinta.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Answers a {@link RefusedAccess} as its problem+json, after recording the refused attempt in the audit trail. The
 * mapper runs once the request's transaction has rolled back, so the record is written in a transaction of its own
 * ({@link AuditTrail#recordRefusal}) and stays. A trail that cannot be written (database away) does not turn the
 * refusal into another answer: the caller is refused all the same.
 */
public class RefusalsAreAudited {

    private static final Logger LOG = Logger.getLogger(RefusalsAreAudited.class);

    private final AuditTrail trail;

    public RefusalsAreAudited(AuditTrail trail) {
        this.trail = trail;
    }

    @ServerExceptionMapper
    public Uni<Response> refused(RefusedAccess refused, UriInfo uri) {
        Problem problem = refused.toProblem(uri.getPath());
        return trail.recordRefusal(refused.entry())
                .onFailure().invoke(e -> LOG.warnf("a refused %s of %s could not be audited: %s",
                        refused.entry().action(), refused.entry().resourceType(), e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWith(() -> Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
