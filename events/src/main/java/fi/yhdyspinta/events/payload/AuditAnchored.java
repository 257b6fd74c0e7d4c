package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * An anchor of a service's audit hash chain: the hash of the record at {@code position} (hex) as the service
 * sealed it. Published outside the service's database, so that rewriting the whole table consistently
 * (recomputing every hash) is detected: the rewritten chain's hash at an anchored position differs.
 * Key and subject: the service name.
 */
public record AuditAnchored(
        String service,
        long position,
        String hash,
        OffsetDateTime anchoredAt) {
}
