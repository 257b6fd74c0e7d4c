package fi.yhdyspinta.e2e.fuzz;

import java.util.Set;

/** What the answer to a fuzzed request must be, beyond the rules every answer keeps. */
public record Expectation(Kind kind, String field, int status) {

    public enum Kind {
        /** Valid input: any 2xx or 4xx. */
        ANY,
        /** Invalid field or parameter: 400/422 naming it, or a refusal that need not name it. */
        NAMED,
        /** Invalid as a whole (not JSON, empty, nested too deep): a 4xx refusal. */
        REFUSED,
        /** Exactly this status (413 for a body over 64 KB, 415 for another media type). */
        EXACTLY,
        /** A role the operation does not allow: 403 (or 404, which reveals nothing). */
        DENIED,
        /** No, a forged, or another application's token: 401. */
        UNAUTHENTICATED
    }

    /**
     * What a refusal of bad input may be. Only 400 and 422 must name the field; the others refused the
     * caller, the object, the size, the URL length or the media type before looking at it.
     */
    public static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 413, 414, 415, 422);

    public static Expectation any() {
        return new Expectation(Kind.ANY, null, 0);
    }

    public static Expectation named(String field) {
        return new Expectation(Kind.NAMED, field, 0);
    }

    public static Expectation refused() {
        return new Expectation(Kind.REFUSED, null, 0);
    }

    public static Expectation exactly(int status) {
        return new Expectation(Kind.EXACTLY, null, status);
    }

    public static Expectation denied() {
        return new Expectation(Kind.DENIED, null, 0);
    }

    public static Expectation unauthenticated() {
        return new Expectation(Kind.UNAUTHENTICATED, null, 0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "any 2xx or 4xx";
            case NAMED -> "400/422 naming '" + field + "' (or 401/403/404/413/414/415)";
            case REFUSED -> "a 4xx refusal";
            case EXACTLY -> String.valueOf(status);
            case DENIED -> "403 (or 404)";
            case UNAUTHENTICATED -> "401";
        };
    }
}
