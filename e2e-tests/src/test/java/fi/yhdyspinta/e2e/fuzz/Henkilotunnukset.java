package fi.yhdyspinta.e2e.fuzz;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Test henkilötunnukset (individual numbers 900–999, check character computed, every century sign of
 * the 2023 reform) and ways to spoil one: the input that slipped through before issue 6.
 */
public final class Henkilotunnukset {

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String SIGNS_1800 = "+";
    private static final String SIGNS_1900 = "-YXWVU";
    private static final String SIGNS_2000 = "ABCDEF";
    private static final LocalDate FIRST = LocalDate.of(1850, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2023, 12, 31);

    /** Birth dates the other end-to-end scenarios use for their clients: never generated here. */
    private static final Set<LocalDate> RESERVED = Set.of(LocalDate.of(1990, 1, 1), LocalDate.of(1952, 10, 13),
            LocalDate.of(2015, 6, 15));

    /** Zero to nine in other scripts: {@code Character.isDigit} says yes to each. */
    private static final int[] OTHER_ZEROS = { 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x1D7D8 };

    private Henkilotunnukset() {
    }

    /** A valid test henkilötunnus. */
    public static Arbitrary<String> valid() {
        long days = LAST.toEpochDay() - FIRST.toEpochDay();
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, days).withDistribution(RandomDistribution.uniform()).map(d -> FIRST.plusDays(d))
                .filter(d -> !RESERVED.contains(d));
        return Combinators.combine(dates, Arbitraries.integers().between(900, 999), Arbitraries.integers().between(0, 5))
                .as(Henkilotunnukset::of);
    }

    /** The henkilötunnus of a date, individual number and the n-th century sign of its century. */
    public static String of(LocalDate date, int individual, int signChoice) {
        String signs = date.getYear() < 1900 ? SIGNS_1800 : date.getYear() < 2000 ? SIGNS_1900 : SIGNS_2000;
        char sign = signs.charAt(signChoice % signs.length());
        String digits = String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
        String number = String.format("%03d", individual);
        return digits + sign + number + check(digits + number);
    }

    static char check(String nineDigits) {
        return CHECK_CHARACTERS.charAt((int) (Long.parseLong(nineDigits) % 31));
    }

    /** The strict rule of issue 6: ASCII only, a real date in the sign's century, the right check character. */
    public static boolean isValid(String value) {
        if (value == null || !value.matches("[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]")) {
            return false;
        }
        char sign = value.charAt(6);
        int century = sign == '+' ? 1800 : SIGNS_1900.indexOf(sign) >= 0 ? 1900 : 2000;
        try {
            LocalDate.of(century + Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(0, 2)));
        } catch (DateTimeException e) {
            return false;
        }
        return value.charAt(10) == check(value.substring(0, 6) + value.substring(7, 10));
    }

    /** A spoiled henkilötunnus and how it was spoiled. */
    public record Spoiled(String value, String how) {
    }

    /** Ways to spoil a valid henkilötunnus; every result is invalid by {@link #isValid}. */
    public static Arbitrary<Spoiled> spoiled() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(valid(), Arbitraries.integers().between(0, OTHER_ZEROS.length - 1),
                        Arbitraries.integers().between(1, 4)).as(Henkilotunnukset::otherScriptDigits),
                Combinators.combine(valid(), position, Arbitraries.of("ß", "ẞ", "ﬀ", "İ", "ı", "ǅ"))
                        .as((h, p, c) -> new Spoiled(replaceAt(h, p, c), "'" + c + "' at " + p)),
                Combinators.combine(valid(), position, Arbitraries.of("ß", "\u0000", "\n", "\t", "\u007f", "\u200b",
                        "\u202e", "\ufeff", "\u00ad", "😀", "👨‍👩‍👧", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08"))
                        .as((h, p, c) -> new Spoiled(insertAt(h, p, c), "U+" + codePoints(c) + " inserted at " + p)),
                Combinators.combine(valid(), position, Arbitraries.of("😀", "\u0000", "٣", "Ⅻ", "①", "²"))
                        .as((h, p, c) -> new Spoiled(replaceAt(h, p, c), "U+" + codePoints(c) + " at " + p)),
                valid().map(Henkilotunnukset::wrongCheck),
                Combinators.combine(Arbitraries.of(LocalDate.of(1900, 3, 1), LocalDate.of(1990, 5, 1),
                        LocalDate.of(2023, 3, 1), LocalDate.of(1991, 2, 28)), Arbitraries.integers().between(900, 999))
                        .as(Henkilotunnukset::impossibleDate),
                Combinators.combine(valid(), Arbitraries.of("G", "Z", "/", "_", "*", "－", "‐", "—", "a", " "))
                        .as(Henkilotunnukset::unknownSign),
                valid().map(h -> new Spoiled(h.substring(0, 10), "one character short")),
                valid().map(h -> new Spoiled(h + "0", "one character too many")),
                valid().map(h -> new Spoiled(h.substring(0, 6) + h.substring(7), "no century sign")),
                Arbitraries.of(new Spoiled("", "empty"), new Spoiled(" ", "blank"),
                        new Spoiled("null", "the word null"), new Spoiled("000000-0000", "zeros")))
        ).filter(s -> !isValid(s.value()));
    }

    private static Spoiled otherScriptDigits(String hetu, int script, int count) {
        StringBuilder out = new StringBuilder();
        int replaced = 0;
        for (int i = 0; i < hetu.length(); i++) {
            char c = hetu.charAt(i);
            if (c >= '0' && c <= '9' && replaced < count && (i % 3 == count % 3 || i >= 6)) {
                out.appendCodePoint(OTHER_ZEROS[script] + (c - '0'));
                replaced++;
            } else {
                out.append(c);
            }
        }
        if (replaced == 0) {
            out.setLength(0);
            out.appendCodePoint(OTHER_ZEROS[script] + (hetu.charAt(0) - '0')).append(hetu.substring(1));
        }
        return new Spoiled(out.toString(), replaced + " digit(s) from script U+" + Integer.toHexString(OTHER_ZEROS[script]));
    }

    private static Spoiled wrongCheck(String hetu) {
        char right = hetu.charAt(10);
        char wrong = CHECK_CHARACTERS.charAt((CHECK_CHARACTERS.indexOf(right) + 7) % CHECK_CHARACTERS.length());
        return new Spoiled(hetu.substring(0, 10) + wrong, "wrong check character");
    }

    /** A date that does not exist (29.2.1900, 31.4., 30.2., 29.2. of a common year), with a matching check character. */
    private static Spoiled impossibleDate(LocalDate near, int individual) {
        String digits = switch (near.getMonthValue()) {
            case 3 -> "2902" + String.format("%02d", near.getYear() % 100);
            case 5 -> "3104" + String.format("%02d", near.getYear() % 100);
            default -> "3002" + String.format("%02d", near.getYear() % 100);
        };
        char sign = near.getYear() >= 2000 ? 'A' : '-';
        String number = String.format("%03d", individual);
        return new Spoiled(digits + sign + number + check(digits + number), "impossible date " + digits);
    }

    private static Spoiled unknownSign(String hetu, String sign) {
        return new Spoiled(hetu.substring(0, 6) + sign + hetu.substring(7), "century sign '" + sign + "'");
    }

    private static String replaceAt(String s, int position, String with) {
        int p = Math.min(position, s.length() - 1);
        return s.substring(0, p) + with + s.substring(p + 1);
    }

    private static String insertAt(String s, int position, String what) {
        int p = Math.min(position, s.length());
        return s.substring(0, p) + what + s.substring(p);
    }

    static String codePoints(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(out.isEmpty() ? "" : "+").append(String.format("%04X", cp)));
        return out.toString();
    }
}
