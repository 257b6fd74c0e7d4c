package fi.yhdyspinta.platform.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.AuditAnchored;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.platform.outbox.OutboxEvent;
import fi.yhdyspinta.platform.outbox.OutboxSender;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes sealed audit records to the {@code audit} topic (key: the pseudonymous client id; CloudEvent id:
 * the record id) and decided anchors to {@code audit-anchors} (key: the service name), in chain order, then
 * marks them published — the audit table is its own outbox, nothing is written to {@code outbox_event}. The
 * records go through the service's outbox producer ({@link OutboxSender}: idempotent, {@code acks=all}), under
 * the sealer lock, so one instance publishes at a time and the chain's order holds on each partition.
 * A crash between the send and the commit publishes the records again (same CloudEvent ids): at least once.
 */
@ApplicationScoped
public class AuditPublication {

    /** A round gives up waiting for the broker after this and rolls back; the rows wait for the next. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);

    private final Pool pool;
    private final OutboxSender sender;
    private final String service;
    private final String source;
    private final long lockKey;
    private final int batch;

    @Inject
    public AuditPublication(Pool pool, OutboxSender sender,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "yhdyspinta.audit.batch-size", defaultValue = "500") int batch) {
        this.pool = pool;
        this.sender = sender;
        this.service = applicationName;
        this.source = "/yhdyspinta/" + applicationName;
        this.lockKey = AuditSignals.lockKey(applicationName);
        this.batch = batch;
    }

    /** What a round published; {@code full}: it read a whole batch, more may wait. */
    public record Published(int records, int anchors, boolean full, boolean lockedElsewhere) {

        static final Published NOTHING = new Published(0, 0, false, false);
        static final Published LOCKED_ELSEWHERE = new Published(0, 0, false, true);
    }

    /** Whether the producer can send yet (during start-up the channel may not be wired). */
    public boolean ready() {
        return sender.ready();
    }

    public Uni<Published> publishPending() {
        Context context = Vertx.currentContext();
        return pool.withTransaction(connection -> AuditSealing.lock(connection, lockKey).chain(holder -> holder
                ? publish(connection, context)
                : Uni.createFrom().item(Published.LOCKED_ELSEWHERE)));
    }

    private Uni<Published> publish(SqlConnection connection, Context context) {
        return connection.preparedQuery("select " + ChainRows.COLUMNS + " from audit_record"
                + " where position is not null and not published order by position limit $1")
                .execute(Tuple.of(batch))
                .chain(recordRows -> connection.preparedQuery("select position, encode(hash, 'hex'), anchored_at"
                        + " from audit_anchor where not published order by position")
                        .execute()
                        .chain(anchorRows -> {
                            List<ChainRecord> records = new ArrayList<>();
                            recordRows.forEach(row -> records.add(ChainRows.of(row)));
                            List<OutboxEvent> messages = new ArrayList<>();
                            records.forEach(record -> messages.add(recorded(record)));
                            List<Long> anchors = new ArrayList<>();
                            for (Row row : anchorRows) {
                                anchors.add(row.getLong(0));
                                messages.add(anchored(row.getLong(0), row.getString(1), row.getOffsetDateTime(2)));
                            }
                            if (messages.isEmpty()) {
                                return Uni.createFrom().item(Published.NOTHING);
                            }
                            return send(messages, context)
                                    .chain(() -> mark(connection, records, anchors))
                                    .replaceWith(new Published(records.size(), anchors.size(),
                                            records.size() == batch, false));
                        }));
    }

    /** Sent in list order (chain order), pipelined; the round waits for every acknowledgement. */
    private Uni<Void> send(List<OutboxEvent> messages, Context context) {
        List<Uni<Void>> sends = messages.stream().map(sender::send).toList();
        Uni<Void> all = Uni.join().all(sends).andFailFast().ifNoItem().after(SEND_TIMEOUT).fail().replaceWithVoid();
        // acknowledgements arrive on a Kafka thread: the transaction goes on on its own Vert.x context
        return context == null ? all : all.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static Uni<Void> mark(SqlConnection connection, List<ChainRecord> records, List<Long> anchors) {
        Uni<Void> marked = Uni.createFrom().voidItem();
        if (!records.isEmpty()) {
            Long[] positions = records.stream().map(ChainRecord::position).toArray(Long[]::new);
            marked = marked.chain(() -> connection.preparedQuery(
                    "update audit_record set published = true where position = any($1::bigint[])")
                    .execute(Tuple.of((Object) positions)).replaceWithVoid());
        }
        if (!anchors.isEmpty()) {
            Long[] positions = anchors.toArray(Long[]::new);
            marked = marked.chain(() -> connection.preparedQuery(
                    "update audit_anchor set published = true where position = any($1::bigint[])")
                    .execute(Tuple.of((Object) positions)).replaceWithVoid());
        }
        return marked;
    }

    private OutboxEvent recorded(ChainRecord record) {
        AuditRecorded payload = new AuditRecorded(service, record.position(), AuditCanonicalForm.hex(record.hash()),
                record.recordedAt(), record.actorSub(), record.actorOrg(), record.actorRole(), record.action(),
                record.resourceType(), record.resourceId(), record.clientId(), record.purpose(), record.legalBasis(),
                record.outcome(), record.refusalStatus(), record.correlationId());
        CloudEvent event = CloudEvent.of(record.id().toString(), source, EventType.AUDIT_RECORDED, record.clientId(),
                record.recordedAt(), record.correlationId(), null, EventJson.mapper().valueToTree(payload));
        return message(event, EventType.AUDIT_RECORDED, record.clientId());
    }

    private OutboxEvent anchored(long position, String hash, OffsetDateTime at) {
        AuditAnchored payload = new AuditAnchored(service, position, hash, at);
        // the anchor's id is derived from service and position: a re-sent anchor is the same event
        String id = UUID.nameUUIDFromBytes((service + "/audit-anchor/" + position).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        CloudEvent event = CloudEvent.of(id, source, EventType.AUDIT_ANCHORED, service, at, id, null,
                EventJson.mapper().valueToTree(payload));
        return message(event, EventType.AUDIT_ANCHORED, service);
    }

    private static OutboxEvent message(CloudEvent event, EventType type, String key) {
        OutboxEvent message = new OutboxEvent(); // never persisted: the carrier of one send
        message.eventId = UUID.fromString(event.id());
        message.topic = type.topic();
        message.key = key;
        message.eventType = type.type();
        try {
            message.payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.type(), e);
        }
        return message;
    }
}
