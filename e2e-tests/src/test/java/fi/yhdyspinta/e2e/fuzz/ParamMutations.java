package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Junk for path, query and header parameters: random text, non-UUIDs, long values, percent-encoded bytes, unknown codes. */
public final class ParamMutations {

    /** A junk value, how it was made, and the henkilötunnus it carries (if any). */
    public record Junk(ParamValue value, String how, List<String> henkilotunnukset) {
    }

    private static final List<String> ENCODED = List.of("%00", "%FF%FE", "%C0%AF", "%2F", "%2F..%2F..%2Fetc", "%0A%0D",
            "%E2%80%AE", "%25", "%F0%9F%98%80", "%ED%A0%80", "x%00y", "%3B", "%3F%23", "%5C", "%22%3E%3Cscript%3E");

    private ParamMutations() {
    }

    public static Arbitrary<Junk> junk(ApiParameter parameter) {
        boolean header = parameter.in().equals("header");
        List<Arbitrary<Junk>> junk = new ArrayList<>();
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40);
        junk.add(printable.map(s -> literal(s, "random text")));
        junk.add(Arbitraries.of(300, 1_000, 3_000).map(n -> literal("a".repeat(n), n + " characters")));
        junk.add(Arbitraries.of("123e4567-e89b-12d3-a456-42661417400G", "123e4567-e89b-12d3-a456-4266141740000",
                "123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}", "0", "-1", "null",
                "undefined", "' OR '1'='1", "${jndi:ldap://x}", "*").map(s -> literal(s, "not a UUID")));
        if (!header) {
            junk.add(Arbitraries.strings().ofMinLength(1).ofMaxLength(20).map(s -> literal(s, "any characters")));
            junk.add(Arbitraries.of("ä", "😀", "١٢٣", "ß", "\u0000", "\u202e", "１２３")
                    .map(s -> literal(s, "U+" + Henkilotunnukset.codePoints(s))));
            junk.add(Arbitraries.of(10_000).map(n -> literal("a".repeat(n), n + " characters")));
            junk.add(Combinators.combine(Arbitraries.of(ENCODED), Arbitraries.strings().alpha().ofMaxLength(8))
                    .as((e, s) -> new Junk(new ParamValue.Encoded(s + e), "percent-encoded junk", List.of()))
                    .filter(j -> !parameter.in().equals("path") || !isDotSegment(j.value().decoded(null))));
        }
        List<JsonNode> codes = Schemas.enumValues(parameter.schema());
        if (!codes.isEmpty()) {
            junk.add(Arbitraries.of(codes).flatMap(code -> Arbitraries.of(code.asText().toLowerCase(Locale.ROOT),
                    code.asText() + "X", " " + code.asText(), "LOST", "UNKNOWN_CODE", "1")
                    .map(s -> literal(s, "unknown code"))));
        }
        if (Schemas.isHetu(parameter.name(), parameter.schema())) {
            junk.add(Henkilotunnukset.spoiled().filter(s -> !header || s.value().chars().allMatch(c -> c >= ' ' && c <= '~'))
                    .map(s -> new Junk(new ParamValue.Literal(s.value()), "henkilötunnus: " + s.how(),
                            List.of(s.value()))));
        }
        if (Schemas.isOid(parameter.name(), parameter.schema())) {
            junk.add(Oids.spoiled().filter(s -> !header || s.value().chars().allMatch(c -> c >= ' ' && c <= '~'))
                    .map(s -> literal(s.value(), "organisation OID: " + s.how())));
        }
        Arbitrary<Junk> any = Arbitraries.oneOf(junk);
        return parameter.in().equals("path") ? any.filter(j -> !isDotSegment(j.value().decoded(null))) : any;
    }

    private static Junk literal(String value, String how) {
        return new Junk(new ParamValue.Literal(value), how, List.of());
    }

    /** "." and ".." walk the path rather than fill the parameter. */
    private static boolean isDotSegment(String value) {
        return value.isEmpty() || value.equals(".") || value.equals("..");
    }
}
