package fi.yhdyspinta.platform.problem;

import java.util.Arrays;

/**
 * Reads a code from a query parameter. JAX-RS would answer an unknown enum value with 404, which
 * tells the caller nothing; this answers 400 naming the parameter and the codes it takes.
 */
public final class QueryCodes {

    private QueryCodes() {
    }

    /** The code, or null when the parameter is absent or empty. */
    public static <E extends Enum<E>> E optional(Class<E> codes, String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(codes.getEnumConstants()).filter(code -> code.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField(parameter,
                        "must be one of " + Arrays.toString(codes.getEnumConstants())));
    }
}
