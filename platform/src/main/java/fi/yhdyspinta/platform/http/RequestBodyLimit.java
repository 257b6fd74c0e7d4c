package fi.yhdyspinta.platform.http;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request bodies over {@code yhdyspinta.http.max-body-size} (64 KB) are answered {@code 413
 * application/problem+json}. A body announced by {@code Content-Length} is refused before it is read,
 * by a route that runs just before Quarkus' own limit (which would answer a bare 413); a chunked body
 * is read up to one byte past the limit and then refused ({@link RequestBodyLimitInterceptor}). Quarkus' own
 * {@code quarkus.http.limits.max-body-size} stays above this limit as a backstop.
 */
@ApplicationScoped
public class RequestBodyLimit {

    public static final String FIELD = "body";

    private final long limit;
    private final ObjectMapper json;

    public RequestBodyLimit(@ConfigProperty(name = "yhdyspinta.http.max-body-size", defaultValue = "64K") MemorySize limit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkAnnouncedLength);
    }

    public long limit() {
        return limit;
    }

    private void checkAnnouncedLength(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (announced != null && exceeds(announced)) {
            refuse(context);
            return;
        }
        context.next();
    }

    private boolean exceeds(String announced) {
        try {
            return Long.parseLong(announced.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec has refused a malformed Content-Length already
        }
    }

    private void refuse(RoutingContext context) {
        String body;
        try {
            body = json.writeValueAsString(tooLarge(context.request().path(), limit));
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // the body was not read: the connection cannot carry another request
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(body);
    }

    /** The 413 problem, also for a body found too large while it is read. */
    public static Problem tooLarge(String instance) {
        return tooLarge(instance, -1);
    }

    private static Problem tooLarge(String instance, long limit) {
        String message = limit > 0 ? "must be at most " + limit + " bytes" : "is too large";
        return new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(), 413,
                FIELD + ": " + message, instance, List.of(new Problem.FieldError(FIELD, message)), Map.of());
    }

    static ProblemException tooLargeException(long limit) {
        String message = "must be at most " + limit + " bytes";
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, FIELD + ": " + message,
                List.of(new Problem.FieldError(FIELD, message)), Map.of());
    }
}
