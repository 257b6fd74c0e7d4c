package fi.yhdyspinta.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import fi.yhdyspinta.events.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in order, then marks them published in the same transaction that
 * locked them. A crash after the send and before the commit publishes the row again: consumers are
 * idempotent, so at-least-once becomes effectively once. {@code SKIP LOCKED} lets several
 * instances of a service publish side by side.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final int BATCH = 200;

    private final MutinyEmitter<String> emitter;
    private final Counter published;

    public OutboxPublisher(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.published = Counter.builder("yhdyspinta.outbox.published")
                .description("events relayed from the outbox to Kafka").register(metrics);
    }

    /** Whether Kafka has subscribed to the outbox channel, so that sends can go out. */
    public boolean connected() {
        return emitter.hasRequests();
    }

    /** Publishes what is pending; answers how many events went out. */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select * from outbox_event where published_at is null order by position limit " + BATCH
                                + " for update skip locked", OutboxEvent.class)
                        .getResultList())
                .chain(this::publishAll));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().invoke(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            rows.forEach(row -> row.publishedAt = now);
            published.increment(rows.size());
        }).replaceWith(rows.size());
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .withHeaders(headers)
                .build());
        return emitter.sendMessage(message);
    }
}
