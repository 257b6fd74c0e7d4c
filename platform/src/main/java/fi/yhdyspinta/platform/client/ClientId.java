package fi.yhdyspinta.platform.client;

import java.util.regex.Pattern;

/**
 * The pseudonymous client id: HMAC-SHA256 of the henkilötunnus with the county key, hex encoded.
 * The same in every service, so events join without a client registry (DESIGN §5).
 */
public record ClientId(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{64}$");

    public ClientId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("client id must be 64 lower-case hex characters");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
