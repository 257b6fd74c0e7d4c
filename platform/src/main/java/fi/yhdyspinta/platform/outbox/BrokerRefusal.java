package fi.yhdyspinta.platform.outbox;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Tells a record the broker refuses for good from a failure that passes. Only refusals that concern the
 * record itself count: it is too large, its topic name is invalid, this service may not write to its topic,
 * it cannot be serialised, or the broker finds the record itself invalid. Sending it again can never
 * succeed, so the row is quarantined. Everything else — a timeout, the broker away, not enough replicas,
 * a topic not created yet, an authentication or cluster-wide authorisation failure, which would refuse every
 * row alike — fails the round, and the rows wait for the next one.
 */
public final class BrokerRefusal {

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            TopicAuthorizationException.class,
            SerializationException.class,
            InvalidRecordException.class);

    /** Reasons are kept short; Kafka's messages name sizes and topics, never record contents. */
    private static final int MAX_REASON = 300;

    private BrokerRefusal() {
    }

    /** Whether the failure (or one of its causes) is a permanent refusal of the record. */
    public static boolean isPermanent(Throwable failure) {
        return refusal(failure).isPresent();
    }

    /** The reason to keep with a quarantined row: exception class and message, e.g. {@code RecordTooLargeException: …}. */
    public static String reason(Throwable failure) {
        Throwable refusal = refusal(failure).orElse(failure);
        String message = refusal.getMessage() == null ? "" : ": " + refusal.getMessage().replaceAll("\\s+", " ");
        String reason = refusal.getClass().getSimpleName() + message;
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static Optional<Throwable> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable candidate = t;
            if (PERMANENT.stream().anyMatch(type -> type.isInstance(candidate))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
