package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * Makes {@link BatchInbox}es: {@code yhdyspinta.inbox.batch.max-records} (200) records or
 * {@code yhdyspinta.inbox.batch.linger} (20 ms) per batch, with {@link Inbox}'s retry settings.
 */
@ApplicationScoped
public class BatchInboxes {

    private final String consumer;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final Attempts.Policy policy;
    private final int maxBatch;
    private final Duration linger;

    public BatchInboxes(@ConfigProperty(name = "quarkus.application.name") String consumer, Inbox inbox, Vertx vertx,
            MeterRegistry metrics,
            @ConfigProperty(name = "yhdyspinta.inbox.batch.max-records", defaultValue = "200") int maxBatch,
            @ConfigProperty(name = "yhdyspinta.inbox.batch.linger", defaultValue = "20ms") Duration linger) {
        this.consumer = consumer;
        this.vertx = vertx;
        this.metrics = metrics;
        this.policy = inbox.policy();
        this.maxBatch = Math.max(1, maxBatch);
        this.linger = linger;
    }

    /**
     * The batch inbox of events of {@code type}: each becomes a row by {@code toRow} (which may refuse it as poison
     * with {@link PoisonEventException}), and {@code writer} writes a batch of rows in one transaction.
     */
    public <T, R> BatchInbox<R> of(EventType type, Class<T> payloadType, BiFunction<CloudEvent, T, R> toRow,
            BatchInbox.Writer<R> writer) {
        return new BatchInbox<>(consumer, type, event -> toRow.apply(event, IncomingEvents.payload(event, payloadType)),
                writer, maxBatch, linger, vertx, policy, metrics);
    }
}
