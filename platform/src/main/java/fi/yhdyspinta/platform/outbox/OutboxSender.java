package fi.yhdyspinta.platform.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Puts one outbox row on Kafka: its topic, its key, its payload as the record value. The item arrives
 * when the broker has acknowledged the record; a refusal arrives as the producer's exception.
 */
public interface OutboxSender {

    Uni<Void> send(OutboxEvent row);

    /** Whether sends can go out yet (during start-up the Kafka channel may not be wired). */
    default boolean ready() {
        return true;
    }
}
