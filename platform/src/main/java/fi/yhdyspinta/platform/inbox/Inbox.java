package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The idempotent consumer: an event is handled at most once per consumer, because its id enters the
 * {@code processed_event} table in the same transaction as the handler's changes. A redelivered
 * event finds its id there and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final String consumer;
    private final MeterRegistry metrics;

    public Inbox(@ConfigProperty(name = "quarkus.application.name") String consumer, MeterRegistry metrics) {
        this.consumer = consumer;
        this.metrics = metrics;
    }

    /**
     * Reads the record (a poison record fails with {@link PoisonEventException}, which the channel's
     * dead-letter strategy sends to {@code <topic>.dlq}) and runs the handler once per event id.
     */
    public <T> Uni<Void> handleOnce(String record, EventType type, Class<T> payloadType,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        CloudEvent event;
        T payload;
        try {
            event = IncomingEvents.read(record, type);
            payload = IncomingEvents.payload(event, payloadType);
        } catch (PoisonEventException e) {
            count(type, "poison");
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> firstDelivery(event)
                .chain(first -> first ? handler.apply(event, payload).replaceWith(true) : Uni.createFrom().item(false)))
                .invoke(handled -> count(type, handled ? "handled" : "duplicate"))
                .replaceWithVoid()
                .onFailure(PoisonEventException.class).invoke(() -> count(type, "poison"))
                // A passing failure (database restarting, a lost race) gets a few more tries before the
                // record is dead-lettered; a poison event goes there at once.
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3);
    }

    /** {@code yhdyspinta_inbox_events_total{topic, outcome}}: handled, duplicate (redelivery, no effect), poison. */
    private void count(EventType type, String outcome) {
        metrics.counter("yhdyspinta.inbox.events", "topic", type.topic(), "outcome", outcome).increment();
    }

    private Uni<Boolean> firstDelivery(CloudEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into processed_event (event_id, consumer, event_type, processed_at) "
                        + "values (:id, :consumer, :type, now()) on conflict do nothing")
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("consumer", consumer)
                .setParameter("type", event.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
