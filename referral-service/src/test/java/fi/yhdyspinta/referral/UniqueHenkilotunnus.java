package fi.yhdyspinta.referral;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh valid test henkilötunnus (individual number 900–999, check character computed), so that a
 * test can count what was stored for "its" client without seeing other tests' data.
 */
final class UniqueHenkilotunnus {

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private UniqueHenkilotunnus() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 70));
        String ddmmyy = String.format("%02d%02d%02d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
        int individual = 900 + random.nextInt(100);
        long number = Long.parseLong(ddmmyy + individual);
        return ddmmyy + "-" + individual + CHECK_CHARACTERS.charAt((int) (number % 31));
    }
}
