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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
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
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException format) {
            message = "must be a valid " + simpleTypeName(format.getTargetType());
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type or shape";
        } else {
            message = "body is not well-formed JSON";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? message : field + ": " + message;
        return respond(new Problem(ProblemType.MALFORMED_JSON.uri(), ProblemType.MALFORMED_JSON.title(), 400, detail,
                uri.getPath(), errors, Map.of()));
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

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "code (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "timestamp (ISO 8601)";
            case "UUID" -> "UUID";
            default -> type.getSimpleName().toLowerCase();
        };
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
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, "Request cannot be served", status,
                "request cannot be served", uri.getPath(), List.of(), Map.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // The exception class only: messages of lower layers may quote input values.
        LOG.errorf("unexpected %s on %s", e.getClass().getName(), uri.getPath());
        return respond(simple(ProblemType.INTERNAL, "internal error; the incident is logged", uri));
    }

    private static Problem simple(ProblemType type, String detail, UriInfo uri) {
        return new Problem(type.uri(), type.title(), type.status().getStatusCode(), detail, uri.getPath(), List.of(),
                Map.of());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
