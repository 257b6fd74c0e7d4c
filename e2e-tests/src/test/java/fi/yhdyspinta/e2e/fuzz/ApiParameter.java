package fi.yhdyspinta.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path, query or header parameter of an operation, its schema resolved. {@code inferredCodes}: the
 * document declares the parameter a plain string, but a property of the same name is a code (e.g.
 * {@code ?status=} and {@code ReferralView.status}); its schema then carries that property's codes.
 */
public record ApiParameter(String name, String in, JsonNode schema, boolean required, boolean inferredCodes) {

    @Override
    public String toString() {
        return in + " " + name;
    }
}
