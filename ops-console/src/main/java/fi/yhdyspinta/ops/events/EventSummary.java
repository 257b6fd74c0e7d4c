package fi.yhdyspinta.ops.events;

import java.time.OffsetDateTime;

/**
 * One event as ops see it in the stream (tapahtumavirta): where it lies, when it happened, its CloudEvent type,
 * the subject shortened, correlation and causation ids and the producer. Only ids, codes and states: the event's
 * {@code data} never reaches this record (see {@link EventSummaries}).
 */
public record EventSummary(
        String topic,
        int partition,
        long offset,
        OffsetDateTime time,
        String id,
        String type,
        String subject,
        String correlationId,
        String causationId,
        String source) {
}
