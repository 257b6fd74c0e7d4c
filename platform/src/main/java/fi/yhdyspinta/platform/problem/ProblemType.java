package fi.yhdyspinta.platform.problem;

import jakarta.ws.rs.core.Response.Status;

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
    ILLEGAL_TRANSITION("illegal-transition", "Not allowed in the current state", Status.CONFLICT),
    CONFLICT("conflict", "Conflicts with the current state", Status.CONFLICT),
    INTERNAL("internal", "Internal error", Status.INTERNAL_SERVER_ERROR);

    private final String slug;
    private final String title;
    private final Status status;

    ProblemType(String slug, String title, Status status) {
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

    public Status status() {
        return status;
    }
}
