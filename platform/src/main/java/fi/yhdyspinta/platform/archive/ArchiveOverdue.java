package fi.yhdyspinta.platform.archive;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Health care documents must be archived without delay, at the latest in five days (STM decree 298/2009): every
 * {@code yhdyspinta.archive.overdue-check-interval} this finds the latest versions the archive has not acknowledged
 * within {@code yhdyspinta.archive.ack-deadline} (P5D), raises {@code archive-overdue} once per version (any instance:
 * the row is marked in the same transaction), and sets the ops gauges — no personal data, no tags:
 * {@code archive_backlog} (unacknowledged), {@code archive_oldest_unacknowledged_seconds},
 * {@code archive_overdue_documents}.
 */
@ApplicationScoped
public class ArchiveOverdue {

    private static final Logger LOG = Logger.getLogger(ArchiveOverdue.class);
    private static final String LATEST = "not exists (select 1 from archive_document n "
            + "where n.document_id = d.document_id and n.version > d.version)";

    private final Pool pool;
    private final Outbox outbox;
    private final ServiceClock clock;
    private final Vertx vertx;
    private final Duration deadline;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicReference<Double> oldestSeconds = new AtomicReference<>(0.0);
    private volatile long timer = -1;

    public ArchiveOverdue(Pool pool, Outbox outbox, ServiceClock clock, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "yhdyspinta.archive.ack-deadline", defaultValue = "P5D") Duration deadline,
            @ConfigProperty(name = "yhdyspinta.archive.overdue-check-interval", defaultValue = "1m") Duration interval) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.vertx = vertx;
        this.deadline = deadline;
        this.interval = interval;
        Gauge.builder("archive.backlog", backlog, AtomicLong::get)
                .description("archive documents (latest versions) not yet acknowledged by the archive").register(registry);
        Gauge.builder("archive.overdue.documents", overdue, AtomicLong::get)
                .description("archive documents not acknowledged within yhdyspinta.archive.ack-deadline").register(registry);
        Gauge.builder("archive.oldest.unacknowledged.seconds", oldestSeconds, AtomicReference::get)
                .description("age of the oldest archive document not yet acknowledged, 0 when none").register(registry);
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
        Background.run(vertx, this::check).whenComplete((raised, failure) -> {
            if (failure != null) {
                LOG.debugf("archive overdue check will retry: %s", failure.getClass().getSimpleName());
            }
            running.set(false);
        });
    }

    /** One round: raises archive-overdue for each newly overdue version, refreshes the gauges; answers how many it raised. */
    public Uni<Integer> check() {
        OffsetDateTime now = clock.now();
        OffsetDateTime cutoff = now.minus(deadline);
        String candidates = "select cursor_position, document_id, version, replaces_version, register, kind, "
                + "author_organisation, created_at, client_id from archive_document d where acknowledged_at is null "
                + "and overdue_at is null and created_at <= $1 and " + LATEST + " order by cursor_position limit 500";
        return pool.preparedQuery(candidates).execute(Tuple.of(cutoff)).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            return raise(found, 0, now, 0);
        }).call(raised -> refreshGauges(now));
    }

    private Uni<Integer> raise(List<Row> rows, int index, OffsetDateTime now, int raised) {
        if (index == rows.size()) {
            return Uni.createFrom().item(raised);
        }
        Row row = rows.get(index);
        ArchivedVersion version = ArchiveDocuments.version(row);
        String clientId = row.getString("client_id");
        Uni<Integer> one = Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("update archive_document set overdue_at = :now where cursor_position = :cursor "
                        + "and overdue_at is null and acknowledged_at is null")
                .setParameter("now", now)
                .setParameter("cursor", version.cursor())
                .executeUpdate())
                .chain(updated -> updated == 0 ? Uni.createFrom().item(0)
                        : outbox.record(EventType.ARCHIVE_OVERDUE, new ClientId(clientId),
                                ArchiveDocuments.payload(version, clientId, deadline), Causation.newChain())
                                .replaceWith(1)));
        return one.chain(count -> raise(rows, index + 1, now, raised + count));
    }

    private Uni<Void> refreshGauges(OffsetDateTime now) {
        String sql = "select count(*) as backlog, count(*) filter (where created_at <= $1) as overdue, "
                + "min(created_at) as oldest from archive_document d where acknowledged_at is null and " + LATEST;
        return pool.preparedQuery(sql).execute(Tuple.of(now.minus(deadline))).invoke(rows -> {
            Row row = rows.iterator().next();
            backlog.set(row.getLong("backlog"));
            overdue.set(row.getLong("overdue"));
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            oldestSeconds.set(oldest == null ? 0.0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0));
        }).replaceWithVoid();
    }
}
