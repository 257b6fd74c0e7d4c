package fi.yhdyspinta.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.client.ClientId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the outbox table inside the caller's transaction. The payload is validated
 * against its schema first: an event that breaks its contract never gets on the wire.
 *
 * <p>Each record also queues a PostgreSQL {@code NOTIFY} on the service's outbox channel in the same
 * transaction, in the same statement as the row ({@link #INSERT}: one round trip per event, D46). PostgreSQL
 * delivers it only when the transaction commits (never for a rollback, and once however many events the
 * transaction recorded), so the relays of every instance wake up right after the commit instead of at their next
 * timer round ({@link OutboxRelay}).
 */
@ApplicationScoped
public class Outbox {

    /**
     * Queues the wake-up. Run as an update, not as a select: Hibernate Reactive caches a plan for every execution
     * of a native select (its result-set mapping has no equality), so a select per event would fill the query
     * plan cache (D43).
     */
    static final String NOTIFY = "select pg_notify(:channel, '')";

    /** The row and the wake-up in one statement (an update too, so it caches no plan per execution, D43). */
    static final String INSERT = "insert into outbox_event (event_id, topic, event_key, payload, event_type, created_at)"
            + " select cast(:id as uuid), :topic, :key, :payload, :type, cast(:createdAt as timestamptz)"
            + " from pg_notify(:channel, '') as n";

    private final String source;
    private final String channel;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/yhdyspinta/" + applicationName;
        this.channel = OutboxSignals.channel(applicationName);
    }

    /** Must run inside a transaction ({@code @WithTransaction} / {@code Panache.withTransaction}). */
    public Uni<CloudEvent> record(EventType type, ClientId clientId, Object payload, Causation causation) {
        return record(type, clientId.value(), payload, causation);
    }

    /**
     * An event whose key is not a client: registry events ({@code organisation-changed}) are keyed by
     * the organisation OID, so one organisation's changes stay in order. Same transaction rule.
     */
    public Uni<CloudEvent> recordForOrganisation(EventType type, String organisationOid, Object payload,
            Causation causation) {
        return record(type, organisationOid, payload, causation);
    }

    private Uni<CloudEvent> record(EventType type, String key, Object payload, Causation causation) {
        JsonNode data = EventJson.mapper().valueToTree(payload);
        List<String> errors = EventSchemas.payloadErrors(type, data);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "event " + type.type() + " breaks its schema: " + errors));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), source, type, key, now,
                causation.correlationId(), causation.causationId(), data);
        String payloadJson = serialise(event);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("topic", type.topic())
                .setParameter("key", key)
                .setParameter("payload", payloadJson)
                .setParameter("type", type.type())
                .setParameter("createdAt", now)
                .setParameter("channel", channel)
                .executeUpdate()
                .invoke(inserted -> {
                    if (inserted != 1) {
                        throw new IllegalStateException("event " + type.type() + " was not recorded in the outbox");
                    }
                }))
                .replaceWith(event);
    }

    private static String serialise(CloudEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.type(), e);
        }
    }
}
