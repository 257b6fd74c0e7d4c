package fi.yhdyspinta.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented; {@code detail} is for people;
 * {@code errors} names the offending fields; extension members (e.g. {@code allowedTransitions})
 * stand at the top level, as RFC 9457 §3.2 has them. Never a stack trace, never personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://yhdyspinta.fi/problems/";

    /** One offending field: its JSON path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
