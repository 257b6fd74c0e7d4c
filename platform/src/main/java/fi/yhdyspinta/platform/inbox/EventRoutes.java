package fi.yhdyspinta.platform.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The handlers of one consumed family topic, by CloudEvents {@code type}: a service has one
 * {@code @Incoming} channel per topic and hands each record to {@link #handle(String)}.
 * <ul>
 * <li>a type the service handles goes through {@link Inbox#handleOnce} (once per event id, poison to
 * the DLQ);</li>
 * <li>a type of the topic that the service does not handle is acknowledged and counted as
 * {@code outcome=ignored} — other services consume it;</li>
 * <li>a record that cannot be read, has no type, an unknown type or a type of another family is
 * poison: it fails with {@link PoisonEventException}, which the channel's dead-letter strategy
 * sends to {@code <topic>.dlq} with the reason.</li>
 * </ul>
 * Immutable: {@link #on} answers a new table with one more route. Made by {@link EventRouter#routes}.
 */
public final class EventRoutes {

    private final Topic topic;
    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final Map<EventType, Route<?>> routes;

    EventRoutes(Topic topic, Inbox inbox, MeterRegistry metrics, Map<EventType, Route<?>> routes) {
        this.topic = topic;
        this.inbox = inbox;
        this.metrics = metrics;
        this.routes = routes;
    }

    /** These routes and one more: events of {@code type} to the handler, their payload read as {@code payloadType}. */
    public <T> EventRoutes on(EventType type, Class<T> payloadType, BiFunction<CloudEvent, T, Uni<Void>> handler) {
        if (type.family() != topic) {
            throw new IllegalArgumentException(type + " travels on " + type.topic() + ", not on " + topic.topic());
        }
        if (routes.containsKey(type)) {
            throw new IllegalArgumentException(type + " already has a handler on " + topic.topic());
        }
        Map<EventType, Route<?>> more = new EnumMap<>(EventType.class);
        more.putAll(routes);
        more.put(type, new Route<>(type, payloadType, handler));
        return new EventRoutes(topic, inbox, metrics, more);
    }

    public Topic topic() {
        return topic;
    }

    /** The types this service handles on the topic; the topic's other types are ignored. */
    public Set<EventType> handled() {
        return routes.isEmpty() ? Set.of() : Set.copyOf(routes.keySet());
    }

    /** Handles one record of the topic: routed by its type, ignored, or failed as poison. */
    public Uni<Void> handle(String record) {
        EventType type;
        try {
            type = typeOf(record, topic);
        } catch (PoisonEventException e) {
            count("poison");
            return Uni.createFrom().failure(e);
        }
        Route<?> route = routes.get(type);
        if (route == null) {
            count("ignored");
            return Uni.createFrom().voidItem();
        }
        return route.deliver(inbox, record);
    }

    /**
     * The event type a record of the topic names, or {@link PoisonEventException} naming what is wrong —
     * never a value of the record (it may hold anything, personal data included).
     */
    static EventType typeOf(String record, Topic topic) {
        if (record == null || record.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(record);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("record value is not JSON");
        }
        JsonNode type = tree.path("type");
        if (!type.isTextual()) {
            throw new PoisonEventException("record has no CloudEvents type");
        }
        Optional<EventType> known = EventType.ofType(type.asText());
        if (known.isEmpty()) {
            throw new PoisonEventException("unknown event type on topic " + topic.topic());
        }
        if (known.get().family() != topic) {
            throw new PoisonEventException("event type " + known.get().type() + " does not travel on topic "
                    + topic.topic());
        }
        return known.get();
    }

    /** {@code yhdyspinta_inbox_events_total{topic, outcome}}, the same meter as {@link Inbox}'s. */
    private void count(String outcome) {
        metrics.counter("yhdyspinta.inbox.events", "topic", topic.topic(), "outcome", outcome).increment();
    }

    /** One type's handler with the payload class it reads. */
    record Route<T>(EventType type, Class<T> payloadType, BiFunction<CloudEvent, T, Uni<Void>> handler) {

        Uni<Void> deliver(Inbox inbox, String record) {
            return inbox.handleOnce(record, type, payloadType, handler);
        }
    }
}
