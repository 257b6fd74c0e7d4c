package fi.yhdyspinta.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import fi.yhdyspinta.platform.http.RequestBodyLimit;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every error into RFC 9457 problem+json. Messages are built here from field names and
 * constraint texts, never from the rejected values, so no personal data can leak into a response.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail,
                uri.getPath(), errors, Map.of()));
    }

    /** {@code create.arg0.client} → {@code client}: the path as the caller wrote it in JSON. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts.length == 2 ? parts[1] : path;
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        Problem.FieldError error = JsonProblems.of(e);
        return respond(new Problem(ProblemType.MALFORMED_JSON.uri(), ProblemType.MALFORMED_JSON.title(), 400,
                error.field() + ": " + error.message(), uri.getPath(), List.of(error), Map.of()));
    }

    /** More specific than Quarkus' built-in mapper, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Quarkus REST wraps some body-reading failures (a parse error) in a ProcessingException. */
    @ServerExceptionMapper
    public Response processing(ProcessingException e, UriInfo uri) {
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        return json != null ? badJson(json, uri) : unexpected(e, uri);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }

    /** Two writers raced on one row (a {@code @Version} check failed): the caller may read again and retry. */
    @ServerExceptionMapper
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return respond(simple(ProblemType.CONFLICT, "the resource changed meanwhile; read it again and retry", uri));
    }

    @ServerExceptionMapper
    public Response staleState(org.hibernate.StaleStateException e, UriInfo uri) {
        return respond(simple(ProblemType.CONFLICT, "the resource changed meanwhile; read it again and retry", uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return bearerChallenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return bearerChallenge(uri);
    }

    /** RFC 6750: a 401 names the scheme it wants. */
    private static Response bearerChallenge(UriInfo uri) {
        Problem problem = simple(ProblemType.UNAUTHENTICATED, "a valid bearer token is needed", uri);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(simple(ProblemType.FORBIDDEN, "the caller's roles do not allow this", uri));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException unconvertible) {
            // a path or query parameter that could not be read (see UuidParameters)
            return problem(unconvertible, uri);
        }
        return respond(simple(ProblemType.NOT_FOUND, "no such resource", uri));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(simple(ProblemType.METHOD_NOT_ALLOWED, "method not allowed here", uri));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return respond(simple(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send application/json", uri));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(simple(ProblemType.NOT_ACCEPTABLE, "this resource answers application/json", uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST answers a body it cannot parse with a 400 WebApplicationException around Jackson's error
        JsonProcessingException json = causeOf(e.getCause(), JsonProcessingException.class);
        if (json != null) {
            return badJson(json, uri);
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status == 413) {
            return respond(RequestBodyLimit.tooLarge(uri.getPath()));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, "Request cannot be served", status,
                "request cannot be served", uri.getPath(), List.of(), Map.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            return serviceUnavailable(e, uri);
        }
        ProblemException wrapped = causeOf(e, ProblemException.class);
        if (wrapped != null) {
            return problem(wrapped, uri);
        }
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null && !(json instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException)) {
            return badJson(json, uri);
        }
        // The exception class only: messages of lower layers may quote input values.
        LOG.errorf("unexpected %s on %s", e.getClass().getName(), uri.getPath());
        return respond(simple(ProblemType.INTERNAL, "internal error; the incident is logged", uri));
    }

    /**
     * The database refused or lost the connection, or has no connection free: nothing is wrong with the
     * request, so 503 with {@code Retry-After} ({@code yhdyspinta.problem.retry-after-seconds}, 5).
     */
    private static Response serviceUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", uri.getPath(), rootClass(e));
        Problem problem = simple(ProblemType.SERVICE_UNAVAILABLE,
                "the service cannot reach its database just now; retry after the time in Retry-After", uri);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", retryAfterSeconds()).build();
    }

    private static String rootClass(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }

    private static int retryAfterSeconds() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("yhdyspinta.problem.retry-after-seconds", Integer.class).orElse(5);
    }

    private static Problem simple(ProblemType type, String detail, UriInfo uri) {
        return simple(type, detail, uri.getPath());
    }

    static Problem simple(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status().getStatusCode(), detail, instance, List.of(),
                Map.of());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
