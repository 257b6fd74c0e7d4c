package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Keeps the outbox and the inbox's processed-event ids from growing for ever: every
 * {@code yhdyspinta.retention.interval} (1 h) it deletes published outbox rows and processed-event ids
 * older than {@code yhdyspinta.retention.period} (7 days), {@code yhdyspinta.retention.batch-size} (1000)
 * rows per statement and transaction, until none is left — so no purge holds long locks or a long
 * transaction. Pending and quarantined outbox rows are never purged (they are not published).
 *
 * <p>A processed-event id older than the period no longer stops a redelivery of that event: the period must
 * stay longer than any redelivery can come (the topics' own retention, 7 days by default, bounds it).
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private static final String OUTBOX = "delete from outbox_event where position in (select position from outbox_event"
            + " where published_at is not null and published_at < :cutoff order by published_at limit :batch)";
    private static final String PROCESSED = "delete from processed_event where (event_id, consumer) in (select event_id,"
            + " consumer from processed_event where processed_at < :cutoff order by processed_at limit :batch)";

    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final Duration period;
    private final Duration interval;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public OutboxRetention(Vertx vertx, MeterRegistry metrics,
            @ConfigProperty(name = "yhdyspinta.retention.period", defaultValue = "7d") Duration period,
            @ConfigProperty(name = "yhdyspinta.retention.interval", defaultValue = "1h") Duration interval,
            @ConfigProperty(name = "yhdyspinta.retention.batch-size", defaultValue = "1000") int batchSize) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.period = period;
        this.interval = interval;
        this.batchSize = Math.max(1, batchSize);
    }

    void start(@Observes StartupEvent started) {
        long every = Math.max(1000, interval.toMillis());
        timer = vertx.setPeriodic(every, every, id -> round());
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(timer);
    }

    private void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Background.run(vertx, this::purge).whenComplete((purged, failure) -> {
            if (failure != null) {
                LOG.debugf("retention purge will retry next interval: %s", failure.getClass().getSimpleName());
            } else if (purged.outboxRows() + purged.processedEvents() > 0) {
                LOG.infof("retention purged %d published outbox rows and %d processed-event ids in %d batches",
                        purged.outboxRows(), purged.processedEvents(), purged.batches());
            }
            running.set(false);
        });
    }

    /** Purges everything older than the period now; answers how much, in how many statements. */
    public Uni<Purged> purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(period);
        return purgeAll(OUTBOX, cutoff, "outbox_event", new Purged(0, 0, 0))
                .chain(afterOutbox -> purgeAll(PROCESSED, cutoff, "processed_event", afterOutbox));
    }

    /** Batch after batch, each in its own transaction, until a batch deletes fewer rows than its size. */
    private Uni<Purged> purgeAll(String statement, OffsetDateTime cutoff, String table, Purged sofar) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(statement)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batchSize)
                .executeUpdate()))
                .chain(deleted -> {
                    metrics.counter("yhdyspinta.retention.purged", "table", table).increment(deleted);
                    Purged now = table.equals("outbox_event") ? sofar.plusOutbox(deleted) : sofar.plusProcessed(deleted);
                    return deleted < batchSize ? Uni.createFrom().item(now) : purgeAll(statement, cutoff, table, now);
                });
    }

    /** Rows deleted by one purge, and the number of delete statements it took. */
    public record Purged(long outboxRows, long processedEvents, int batches) {

        Purged plusOutbox(int deleted) {
            return new Purged(outboxRows + deleted, processedEvents, batches + 1);
        }

        Purged plusProcessed(int deleted) {
            return new Purged(outboxRows, processedEvents + deleted, batches + 1);
        }
    }
}
