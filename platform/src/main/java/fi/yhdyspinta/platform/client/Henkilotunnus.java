package fi.yhdyspinta.platform.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual number ZZZ and
 * a check character. Never logged, never put on the wire: services turn it into a {@link ClientId}.
 * {@link #toString()} hides the value so that it cannot leak into a log line by accident.
 */
public final class Henkilotunnus {

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final Map<Character, Integer> CENTURIES = Map.ofEntries(
            Map.entry('+', 1800),
            Map.entry('-', 1900), Map.entry('Y', 1900), Map.entry('X', 1900), Map.entry('W', 1900),
            Map.entry('V', 1900), Map.entry('U', 1900),
            Map.entry('A', 2000), Map.entry('B', 2000), Map.entry('C', 2000), Map.entry('D', 2000),
            Map.entry('E', 2000), Map.entry('F', 2000));

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

    /** Parses and validates; the exception message says what is wrong without repeating the value. */
    public static Henkilotunnus parse(String candidate) {
        if (candidate == null || candidate.length() != 11) {
            throw new IllegalArgumentException("must be 11 characters: DDMMYY, century sign, individual number, check character");
        }
        String hetu = candidate.toUpperCase();
        String datePart = hetu.substring(0, 6);
        char centurySign = hetu.charAt(6);
        String individual = hetu.substring(7, 10);
        char check = hetu.charAt(10);
        if (!datePart.chars().allMatch(Character::isDigit) || !individual.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("date and individual number must be digits");
        }
        Integer century = CENTURIES.get(centurySign);
        if (century == null) {
            throw new IllegalArgumentException("unknown century sign");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(century + Integer.parseInt(datePart.substring(4, 6)),
                    Integer.parseInt(datePart.substring(2, 4)), Integer.parseInt(datePart.substring(0, 2)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date of birth does not exist");
        }
        if (Integer.parseInt(individual) < 2) {
            throw new IllegalArgumentException("individual number must be 002-999");
        }
        long number = Long.parseLong(datePart + individual);
        if (CHECK_CHARACTERS.charAt((int) (number % 31)) != check) {
            throw new IllegalArgumentException("check character does not match");
        }
        return new Henkilotunnus(hetu, birthDate);
    }

    /** The canonical (upper-case) code, for pseudonymisation only. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Test identities use individual numbers 900–999. */
    public boolean isTestIdentity() {
        return Integer.parseInt(value.substring(7, 10)) >= 900;
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
