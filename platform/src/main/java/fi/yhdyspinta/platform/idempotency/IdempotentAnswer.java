package fi.yhdyspinta.platform.idempotency;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a creating request, as {@link Idempotency} stores and replays it: status, the
 * {@code Location} (a path such as {@code /needs/<id>}, or null) and the body. A replayed answer
 * carries the body as the JSON text stored with the first answer, and {@code Idempotent-Replayed: true}.
 */
public record IdempotentAnswer(int status, String location, Object body, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** 201 Created at {@code location} with {@code body}. */
    public static IdempotentAnswer created(String location, Object body) {
        return new IdempotentAnswer(201, location, body, false);
    }

    /** Any other status (e.g. 200 for a decision) with {@code body} and no Location. */
    public static IdempotentAnswer of(int status, Object body) {
        return new IdempotentAnswer(status, null, body, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
