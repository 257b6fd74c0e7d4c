package fi.yhdyspinta.platform.idempotency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Deletes idempotency keys older than {@code yhdyspinta.idempotency.retention} (24 h) every
 * {@code yhdyspinta.idempotency.purge-interval} (1 h). An expired key that is still there is ignored
 * anyway ({@link Idempotency}); this only keeps the table small.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final Vertx vertx;
    private final Duration retention;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public IdempotencyKeyPurge(Vertx vertx,
            @ConfigProperty(name = "yhdyspinta.idempotency.retention", defaultValue = "24h") Duration retention,
            @ConfigProperty(name = "yhdyspinta.idempotency.purge-interval", defaultValue = "1h") Duration interval) {
        this.vertx = vertx;
        this.retention = retention;
        this.interval = interval;
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
        // Hibernate Reactive needs a duplicated context marked safe, as Quarkus gives each request.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> purge().subscribe().with(
                deleted -> running.set(false),
                failure -> {
                    LOG.debugf("idempotency key purge will retry: %s", failure.getClass().getSimpleName());
                    running.set(false);
                }));
    }

    /** Deletes the expired keys; answers how many. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_key where created_at <= :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                .executeUpdate()));
    }
}
