package fi.yhdyspinta.platform.ops;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The {@code dead_letter_redrive} table: which dead letters ops re-drove, so that one is not re-driven
 * twice by accident. Needs the caller's session (and transaction, to remember).
 */
@ApplicationScoped
public class Redrives {

    /** Where a dead letter lies. */
    public record Letter(String deadLetterTopic, int partition, long offset) {
    }

    /** When each re-driven letter of these dead-letter topics was re-driven. */
    public Uni<Map<Letter, OffsetDateTime>> of(Collection<String> deadLetterTopics) {
        if (deadLetterTopics.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select dead_letter_topic, dlq_partition, dlq_offset, redriven_at from dead_letter_redrive "
                        + "where dead_letter_topic in (:topics)", Object[].class)
                .setParameter("topics", deadLetterTopics)
                .getResultList())
                .map(rows -> {
                    Map<Letter, OffsetDateTime> redriven = new HashMap<>();
                    for (Object[] row : rows) {
                        redriven.put(new Letter((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()),
                                timestamp(row[3]));
                    }
                    return redriven;
                });
    }

    /** Remembers the letter as re-driven; false when it was re-driven before. */
    public Uni<Boolean> remember(Letter letter, String eventId, String redrivenTo, String redrivenBy, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into dead_letter_redrive (dead_letter_topic, dlq_partition, dlq_offset, event_id, redriven_to, "
                        + "redriven_by, redriven_at) values (:topic, :partition, :offset, :eventId, :redrivenTo, "
                        + ":redrivenBy, :at) on conflict do nothing")
                .setParameter("topic", letter.deadLetterTopic())
                .setParameter("partition", letter.partition())
                .setParameter("offset", letter.offset())
                .setParameter("eventId", eventId)
                .setParameter("redrivenTo", redrivenTo)
                .setParameter("redrivenBy", redrivenBy)
                .setParameter("at", at)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
