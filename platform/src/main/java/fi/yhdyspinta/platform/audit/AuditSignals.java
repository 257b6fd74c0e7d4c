package fi.yhdyspinta.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What the instances of one service agree on for the audit trail: the PostgreSQL channel on which a commit
 * that recorded audit entries wakes the sealers ({@code NOTIFY audit_<service>}), and the advisory lock that
 * lets one of them seal at a time — a key of its own, distinct from the outbox publisher's.
 */
public final class AuditSignals {

    private static final int MAX_CHANNEL = 63;

    private AuditSignals() {
    }

    /** {@code audit_<service>}: lower case letters, digits and underscores only, at most 63 characters. */
    public static String channel(String applicationName) {
        String name = "audit_" + applicationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > MAX_CHANNEL ? name.substring(0, MAX_CHANNEL) : name;
    }

    /** The key of the service's sealer lock ({@code pg_try_advisory_xact_lock(bigint)}): stable across JVMs. */
    public static long lockKey(String applicationName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("yhdyspinta-audit-sealer:" + applicationName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
