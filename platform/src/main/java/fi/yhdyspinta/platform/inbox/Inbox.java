package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The idempotent consumer: an event is handled at most once per consumer, because its id enters the
 * {@code processed_event} table in the same transaction as the handler's changes. A redelivered
 * event finds its id there and changes nothing.
 *
 * <p>Transient is not poison ({@link InboxFailure}): a failure that can pass (database away, lock
 * timeout, serialization failure, optimistic-lock conflict) is retried with exponential backoff and
 * jitter ({@code yhdyspinta.inbox.retry.initial-backoff} 100 ms doubling to
 * {@code yhdyspinta.inbox.retry.max-backoff} 10 s) for as long as it takes, holding the record — the
 * channel hands its method one record at a time, so the record's partition (and whatever else of the
 * topic this instance consumes) waits behind it, in order, and nothing is dead-lettered. Only a
 * poison record goes to {@code <topic>.dlq} at once, with its reason. An unexpected failure (a bug) is
 * retried {@code yhdyspinta.inbox.retry.handler-failures} (10) times and then dead-lettered with reason
 * {@code handler-failed: <class>}, to be re-driven by ops once fixed.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final String consumer;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Attempts.Policy policy;
    private final Outages outages;

    public Inbox(@ConfigProperty(name = "quarkus.application.name") String consumer, MeterRegistry metrics, Vertx vertx,
            @ConfigProperty(name = "yhdyspinta.inbox.retry.initial-backoff", defaultValue = "100ms") Duration initialBackoff,
            @ConfigProperty(name = "yhdyspinta.inbox.retry.max-backoff", defaultValue = "10s") Duration maxBackoff,
            @ConfigProperty(name = "yhdyspinta.inbox.retry.handler-failures", defaultValue = "10") int handlerFailureRetries) {
        this.consumer = consumer;
        this.metrics = metrics;
        this.vertx = vertx;
        this.policy = new Attempts.Policy(new Backoff(initialBackoff, maxBackoff), Math.max(0, handlerFailureRetries));
        this.outages = new Outages(consumer);
    }

    /** The retry settings, shared with the {@link BatchInboxes}. */
    Attempts.Policy policy() {
        return policy;
    }

    /**
     * Reads the record (a poison record fails with {@link PoisonEventException}, which the channel's
     * dead-letter strategy sends to {@code <topic>.dlq} with the message as {@code dead-letter-reason})
     * and runs the handler once per event id, retrying as {@link InboxFailure} says. The returned
     * {@code Uni} fails only with a {@link PoisonEventException} or a {@link HandlerFailedException}:
     * neither has a cause, so the dead-letter record carries the reason and nothing else.
     */
    public <T> Uni<Void> handleOnce(String record, EventType type, Class<T> payloadType,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        CloudEvent event;
        T payload;
        try {
            event = IncomingEvents.read(record, type);
            payload = IncomingEvents.payload(event, payloadType);
        } catch (PoisonEventException e) {
            return poison(type, null, e);
        }
        String topic = type.topic();
        return Attempts.run(context(), policy, (kind, failure, retry, delay) -> retrying(type, event, kind, failure, retry),
                () -> handleInTransaction(type, event, payload, handler))
                .onTermination().invoke(() -> outages.over(topic))
                .onFailure(PoisonEventException.class).recoverWithUni(e -> poison(type, event, (PoisonEventException) e))
                .onFailure(HandlerFailedException.class).invoke(e -> {
                    count(type, "handler-failed");
                    LOG.errorf("%s gives up on event %s (%s) of %s after %d unexpected failures: %s; it goes to %s "
                            + "to be re-driven once the fault is fixed", consumer, event.id(), event.type(), topic,
                            policy.handlerFailureRetries() + 1, e.getMessage(), type.deadLetterTopic());
                });
    }

    private <T> Uni<Void> handleInTransaction(EventType type, CloudEvent event, T payload,
            BiFunction<CloudEvent, T, Uni<Void>> handler) {
        return Panache.withTransaction(() -> firstDelivery(event)
                .chain(first -> first ? handler.apply(event, payload).replaceWith(true) : Uni.createFrom().item(false)))
                .invoke(handled -> count(type, handled ? "handled" : "duplicate"))
                .replaceWithVoid();
    }

    private Uni<Void> poison(EventType type, CloudEvent event, PoisonEventException e) {
        count(type, "poison");
        LOG.warnf("%s dead-letters %s of %s to %s: %s", consumer, event == null ? "a record" : "event " + event.id(),
                type.topic(), type.deadLetterTopic(), e.getMessage());
        return Uni.createFrom().failure(e);
    }

    private void retrying(EventType type, CloudEvent event, InboxFailure kind, Throwable failure, int retry) {
        metrics.counter("yhdyspinta.inbox.retries", "topic", type.topic(), "cause",
                kind == InboxFailure.TRANSIENT ? "transient" : "handler-failed").increment();
        if (kind == InboxFailure.TRANSIENT) {
            outages.retrying(type.topic(), failure);
        } else {
            String state = InboxFailure.sqlStateIn(failure);
            LOG.warnf("%s: handler of event %s (%s) failed unexpectedly with %s%s; retry %d of %d", consumer, event.id(),
                    event.type(), HandlerFailedException.tellingClass(failure), state == null ? "" : " (SQLSTATE " + state + ")",
                    retry, policy.handlerFailureRetries());
        }
    }

    /**
     * The record's Vert.x context: the connector runs the consumer method on a duplicated context of its
     * own. Anything else (a direct call) gets a fresh duplicated one, marked safe for Hibernate Reactive.
     */
    private Context context() {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return current;
        }
        Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return fresh;
    }

    /**
     * {@code yhdyspinta_inbox_events_total{topic, outcome}}: handled, duplicate (redelivery, no effect), poison,
     * handler-failed (dead-lettered after its retries). Retries: {@code yhdyspinta_inbox_retries_total{topic, cause}}.
     */
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
