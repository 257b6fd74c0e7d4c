package fi.yhdyspinta.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;

/** The stable problem types of the API. Clients may branch on {@link #uri()}. */
public enum ProblemType {

    VALIDATION("validation", "Request is not valid", Status.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "Request body is not valid JSON for this resource", Status.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is needed", Status.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed for this caller", Status.FORBIDDEN),
    NOT_FOUND("not-found", "No such resource", Status.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed on this resource", Status.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce the requested media type", Status.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Send application/json", Status.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", Status.REQUEST_ENTITY_TOO_LARGE),
    ILLEGAL_TRANSITION("illegal-transition", "Not allowed in the current state", Status.CONFLICT),
    CONFLICT("conflict", "Conflicts with the current state", Status.CONFLICT),
    /** {@code If-Match} named a version that is no longer current: read again, then retry. */
    PRECONDITION_FAILED("precondition-failed", "The resource changed since the version named in If-Match",
            Status.PRECONDITION_FAILED),
    /** This change needs {@code If-Match} with the version it applies to (no lost updates). */
    PRECONDITION_REQUIRED("precondition-required", "Send If-Match with the version this change applies to",
            Status.PRECONDITION_REQUIRED),
    /** The same {@code Idempotency-Key} is being answered right now; retry after it has been answered. */
    IDEMPOTENCY_KEY_IN_FLIGHT("idempotency-key-in-flight", "A request with this Idempotency-Key is in progress",
            Status.CONFLICT),
    /** The {@code Idempotency-Key} was used before for another request (method, path or body). */
    IDEMPOTENCY_KEY_REUSE("idempotency-key-reuse", "Idempotency-Key was used for another request",
            Unprocessable.CONTENT),
    INTERNAL("internal", "Internal error", Status.INTERNAL_SERVER_ERROR),
    /** The database (or another dependency) cannot be reached: retry after {@code Retry-After} seconds. */
    SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", Status.SERVICE_UNAVAILABLE);

    private final String slug;
    private final String title;
    private final StatusType status;

    ProblemType(String slug, String title, StatusType status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public StatusType status() {
        return status;
    }

    /** 422, which {@link Status} of Jakarta REST 3.1 does not name (RFC 9110 §15.5.21). */
    private enum Unprocessable implements StatusType {
        CONTENT;

        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
