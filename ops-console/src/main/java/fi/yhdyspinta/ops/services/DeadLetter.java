package fi.yhdyspinta.ops.services;

/**
 * One dead letter of a service's consumed topic (from its {@code GET /ops/dead-letters}): where it lies in the
 * dead-letter topic, the event's id, type and shortened subject, why it was dead-lettered and when it was re-driven.
 */
public record DeadLetter(String service, String topic, int partition, long offset, String time, String eventId,
        String eventType, String subject, String reason, String redrivenAt) {
}
