package fi.yhdyspinta.e2e.fuzz;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Organisation OIDs: the demo registry's, the fuzzer's own, and broken ones. */
public final class Oids {

    /** Organisations of the demo registry (Kittilä health centre and social services, the NGO, child welfare, hospital). */
    public static final List<String> DEMO = List.of("1.2.246.10.2345678.10.1", "1.2.246.10.2345678.20.1",
            "1.2.246.10.8765432.1", "1.2.246.10.2345678.20.2", "1.2.246.10.1234567.10.1");

    /**
     * OIDs no other test uses: a registrar (admin) only ever writes these, so that the fuzzer never
     * changes a demo organisation other tests rely on.
     */
    public static final List<String> OWN = List.of("1.2.246.10.9999901.1", "1.2.246.10.9999901.2",
            "1.2.246.10.9999901.3");

    private Oids() {
    }

    /** The rule of issue 6: under 1.2.246.10, ASCII digits, at most 64 characters and 20 arcs. */
    public static boolean isValid(String oid) {
        return oid != null && oid.length() <= 64 && oid.matches("1\\.2\\.246\\.10(\\.[0-9]+)+")
                && oid.split("\\.").length <= 20;
    }

    /** A broken OID and how it is broken. */
    public record Spoiled(String value, String how) {
    }

    public static Arbitrary<Spoiled> spoiled() {
        Arbitrary<String> demo = Arbitraries.of(DEMO);
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(21, 25, 1000, 3000, 6000).map(n -> new Spoiled("1.2.246.10" + ".1".repeat(n - 4),
                        n + " arcs")),
                Arbitraries.integers().between(65, 300).map(n -> new Spoiled(padded(n), n + " characters")),
                Combinators.combine(demo, Arbitraries.of("..", ".", " ", "\n", "\u0000", "٣", "１", "a", "-1", "+1",
                        "😀", "ß")).as((oid, junk) -> new Spoiled(oid.replaceFirst("\\.10\\.", ".10" + (junk.equals(".")
                                ? ".." : "." + junk)), "'" + Henkilotunnukset.codePoints(junk) + "' in an arc")),
                demo.map(oid -> new Spoiled(oid + ".", "trailing dot")),
                demo.map(oid -> new Spoiled("." + oid, "leading dot")),
                Arbitraries.of(new Spoiled("1.2.3.4", "outside 1.2.246.10"), new Spoiled("2.999", "outside 1.2.246.10"),
                        new Spoiled("1.2.246.10", "the register root only"), new Spoiled("", "empty"),
                        new Spoiled("1.2.246.10.abc", "letters"), new Spoiled("1,2,246,10,1", "commas"),
                        new Spoiled("urn:oid:1.2.246.10.1", "urn prefix")))).filter(s -> !isValid(s.value()));
    }

    private static String padded(int length) {
        StringBuilder oid = new StringBuilder("1.2.246.10.");
        while (oid.length() < length) {
            oid.append("1234567.");
        }
        oid.setLength(length);
        if (oid.charAt(oid.length() - 1) == '.') {
            oid.setCharAt(oid.length() - 1, '9');
        }
        return oid.toString();
    }
}
