package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs the {@link OutboxPublisher} every {@code yhdyspinta.outbox.poll-interval} (200 ms) on a Vert.x
 * timer — Quarkus' simple scheduler does not go below one second, which would be the latency of every
 * hop. One round at a time; a failed round (Kafka or the database away) leaves the rows pending for
 * the next one: nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration initialDelay;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter failedRounds;
    private volatile long timer = -1;

    public OutboxRelay(OutboxPublisher publisher, Vertx vertx, MeterRegistry metrics,
            @ConfigProperty(name = "yhdyspinta.outbox.poll-interval", defaultValue = "200ms") Duration interval,
            @ConfigProperty(name = "yhdyspinta.outbox.initial-delay", defaultValue = "1s") Duration initialDelay) {
        this.publisher = publisher;
        this.vertx = vertx;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.failedRounds = Counter.builder("yhdyspinta.outbox.failed.rounds")
                .description("relay rounds that failed (Kafka or the database away); the rows wait for the next")
                .register(metrics);
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(initialDelay.toMillis(), Math.max(10, interval.toMillis()), id -> round());
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
        context.runOnContext(ignored -> relay().subscribe().with(
                done -> running.set(false),
                failure -> running.set(false)));
    }

    /** One round: publishes what is pending, if Kafka is wired up yet. */
    Uni<Void> relay() {
        if (!publisherReady()) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publishPending().onFailure().recoverWithUni(e -> {
            LOG.warnf("outbox relay will retry: %s", e.getClass().getSimpleName());
            failedRounds.increment();
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /**
     * During start-up the timer may fire before messaging has wired the {@code outbox} channel to
     * Kafka; until then the publisher cannot be created, and the rows simply wait for the next round.
     */
    private boolean publisherReady() {
        try {
            return publisher.connected();
        } catch (RuntimeException notWiredYet) {
            return false;
        }
    }
}
