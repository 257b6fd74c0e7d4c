package fi.yhdyspinta.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quarantined outbox row as ops sees it: ids, type, topic, why and when — never the payload, nor the
 * record key (the client id). {@code type} is null for rows recorded before the outbox kept it.
 */
public record QuarantinedEvent(Long position, UUID eventId, String type, String topic, String reason,
        OffsetDateTime recordedAt, OffsetDateTime quarantinedAt) {
}
