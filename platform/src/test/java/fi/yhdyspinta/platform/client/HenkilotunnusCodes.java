package fi.yhdyspinta.platform.client;

/** Builds test codes with the right check character: computed, never guessed. */
final class HenkilotunnusCodes {

    static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private HenkilotunnusCodes() {
    }

    /** {@code ddmmyy}, a century sign and an individual number 0–999, with its check character. */
    static String of(String ddmmyy, char centurySign, int individual) {
        String zzz = String.format("%03d", individual);
        long number = Long.parseLong(ddmmyy + zzz);
        return ddmmyy + centurySign + zzz + CHECK_CHARACTERS.charAt((int) (number % 31));
    }
}
