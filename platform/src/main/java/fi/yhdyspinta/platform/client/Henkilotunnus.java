package fi.yhdyspinta.platform.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual number ZZZ and
 * a check character. Never logged, never put on the wire: services turn it into a {@link ClientId}.
 * {@link #toString()} hides the value so that it cannot leak into a log line by accident.
 *
 * <p>Strict on purpose, because the code is hashed into the client id: exactly 11 ASCII characters,
 * letters in upper case only. Every accepted code is its own canonical form, so one person cannot be
 * spelled in two accepted ways that would give two client ids (a non-ASCII digit or a lower-case
 * check character would otherwise walk around the client's prohibitions and refusals). The century
 * signs of the 2023 reform are distinct codes, not spellings of one another: {@code -} and
 * {@code Y X W V U} (1900s), {@code A} and {@code B C D E F} (2000s), {@code +} (1800s).
 */
public final class Henkilotunnus {

    public static final int LENGTH = 11;

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String FORMAT = "must be 11 characters: DDMMYY, century sign, individual number, check character";

    private final String value;
    private final LocalDate birthDate;

    private Henkilotunnus(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Why {@code candidate} is not a valid henkilötunnus, or empty when it is. The reason never echoes the value. */
    public static Optional<String> problemWith(String candidate) {
        try {
            parse(candidate);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static boolean isValid(String candidate) {
        return problemWith(candidate).isEmpty();
    }

    /**
     * Parses and validates; throws only {@link IllegalArgumentException}, whose message says what is
     * wrong without repeating the value.
     */
    public static Henkilotunnus parse(String candidate) {
        if (candidate == null) {
            throw new IllegalArgumentException("is missing");
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                // also Arabic-Indic, full-width and other non-ASCII digits, which Character.isDigit accepts
                throw new IllegalArgumentException("must contain printable ASCII characters only");
            }
        }
        if (candidate.length() != LENGTH) {
            throw new IllegalArgumentException(FORMAT);
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (c >= 'a' && c <= 'z') {
                throw new IllegalArgumentException("letters must be upper-case");
            }
        }
        if (!asciiDigits(candidate, 0, 6)) {
            throw new IllegalArgumentException("date of birth (DDMMYY) must be six digits 0-9");
        }
        int century = centuryOf(candidate.charAt(6));
        if (century < 0) {
            throw new IllegalArgumentException("unknown century sign (one of + - Y X W V U A B C D E F)");
        }
        if (!asciiDigits(candidate, 7, 10)) {
            throw new IllegalArgumentException("individual number must be three digits 0-9");
        }
        int day = number(candidate, 0, 2);
        int month = number(candidate, 2, 4);
        int year = century + number(candidate, 4, 6);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date of birth does not exist");
        }
        int individual = number(candidate, 7, 10);
        if (individual < 2) {
            throw new IllegalArgumentException("individual number must be 002-999");
        }
        char check = candidate.charAt(10);
        if (CHECK_CHARACTERS.indexOf(check) < 0) {
            throw new IllegalArgumentException("check character must be one of " + CHECK_CHARACTERS);
        }
        int remainder = (int) ((number(candidate, 0, 6) * 1000L + individual) % 31);
        if (CHECK_CHARACTERS.charAt(remainder) != check) {
            throw new IllegalArgumentException("check character does not match");
        }
        return new Henkilotunnus(candidate, birthDate);
    }

    /** The century of a sign: the 2023 reform added Y X W V U (1900s) and B C D E F (2000s). */
    private static int centuryOf(char sign) {
        return switch (sign) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            case 'A', 'B', 'C', 'D', 'E', 'F' -> 2000;
            default -> -1;
        };
    }

    private static boolean asciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Only after {@link #asciiDigits}: the digits are ASCII, so no locale or Unicode digit can enter. */
    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** The code, for pseudonymisation only. It is exactly the accepted input: the only spelling of this code. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Test identities use individual numbers 900–999. */
    public boolean isTestIdentity() {
        return number(value, 7, 10) >= 900;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Henkilotunnus other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Henkilotunnus[***]";
    }
}
