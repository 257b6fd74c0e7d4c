package fi.yhdyspinta.platform.validation;

import java.util.Optional;

/**
 * Organisation OIDs of the SOTE organisation register: {@code 1.2.246.10.} followed by one or more
 * arcs. At most {@value #MAX_LENGTH} characters and {@value #MAX_ARCS} arcs in all; each arc is ASCII
 * digits without a leading zero (except the arc {@code 0}). Checked by one scan over the characters —
 * no regular expression, so no input can make it recurse — and usable outside bean validation (path
 * and query parameters, token claims). Reasons never repeat the value.
 */
public final class OrganisationOids {

    public static final String PREFIX = "1.2.246.10.";
    public static final int MAX_LENGTH = 64;
    public static final int MAX_ARCS = 20;

    private static final int PREFIX_ARCS = 4;

    private OrganisationOids() {
    }

    public static boolean isValid(String candidate) {
        return problemWith(candidate).isEmpty();
    }

    /** What is wrong with {@code candidate}, or empty when it is a well-formed organisation OID. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null) {
            return Optional.of("is missing");
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!candidate.startsWith(PREFIX)) {
            return Optional.of("must start with " + PREFIX);
        }
        int arcs = PREFIX_ARCS;
        int arcStart = PREFIX.length();
        for (int i = PREFIX.length(); i <= candidate.length(); i++) {
            boolean end = i == candidate.length();
            char c = end ? '.' : candidate.charAt(i);
            if (c == '.') {
                int arcLength = i - arcStart;
                if (arcLength == 0) {
                    return Optional.of("arcs must not be empty");
                }
                if (arcLength > 1 && candidate.charAt(arcStart) == '0') {
                    return Optional.of("arcs must not have leading zeros");
                }
                arcs++;
                if (arcs > MAX_ARCS) {
                    return Optional.of("must have at most " + MAX_ARCS + " arcs");
                }
                arcStart = i + 1;
            } else if (c < '0' || c > '9') {
                return Optional.of("arcs must be digits 0-9 separated by dots");
            }
        }
        return Optional.empty();
    }
}
