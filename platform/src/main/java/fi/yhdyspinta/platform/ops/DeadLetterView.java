package fi.yhdyspinta.platform.ops;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One dead letter as ops see it: where it lies ({@code partition}, {@code offset} of the dead-letter
 * topic), where it came from, the CloudEvent's id, type and subject (the pseudonymous client id, or the
 * OID for organisations), why it was dead-lettered, and when it was re-driven. Never the event's data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        String topic,
        String deadLetterTopic,
        int partition,
        long offset,
        OffsetDateTime time,
        Integer originalPartition,
        Long originalOffset,
        String eventId,
        String eventType,
        String subject,
        String reason,
        OffsetDateTime redrivenAt) {

    DeadLetterView redriven(OffsetDateTime at) {
        return new DeadLetterView(topic, deadLetterTopic, partition, offset, time, originalPartition, originalOffset,
                eventId, eventType, subject, reason, at);
    }
}
