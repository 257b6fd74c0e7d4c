package fi.yhdyspinta.testsupport;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a leak of a test client's henkilötunnus looks like in a record, a log or a mail: the
 * henkilötunnus with any century sign, or its birth date standing on its own. A birth date inside a
 * run of hex digits is not one: a random UUID such as {@code e6131052-…} or a hash carries such
 * digits by chance, and a test that failed on it would fail at random.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** For {@code assertThat(text).doesNotContainPattern(...)}; birth dates as ddmmyy ("131052"). */
    public static Pattern henkilotunnusOrBirthDate(String... birthDates) {
        String dates = Arrays.stream(birthDates).map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        return Pattern.compile(dates + "[-+A-FU-Y][0-9]{3}|(?<![0-9a-fA-F])" + dates + "(?![0-9a-fA-F])");
    }
}
