package fi.yhdyspinta.platform.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What the instances of one service agree on without talking to each other: the PostgreSQL channel on
 * which a commit wakes the relays ({@code NOTIFY}), and the advisory lock that lets one of them publish
 * at a time. Both are derived from {@code quarkus.application.name}, so every instance of a service uses
 * the same ones and two services sharing a database would not disturb each other.
 */
public final class OutboxSignals {

    /** PostgreSQL identifiers, channel names included, are at most 63 bytes. */
    private static final int MAX_CHANNEL = 63;

    private OutboxSignals() {
    }

    /** {@code outbox_<service>}: lower case letters, digits and underscores only, at most 63 characters. */
    public static String channel(String applicationName) {
        String name = "outbox_" + applicationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > MAX_CHANNEL ? name.substring(0, MAX_CHANNEL) : name;
    }

    /** The key of the service's relay lock ({@code pg_try_advisory_xact_lock(bigint)}): stable across JVMs. */
    public static long lockKey(String applicationName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("yhdyspinta-outbox-relay:" + applicationName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
