package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.outbox.OutboxPublisher.Round;
import fi.yhdyspinta.platform.outbox.RoundGate.Trigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Runs the {@link OutboxPublisher} right after each commit that recorded events: {@link Outbox#record}
 * queues a PostgreSQL {@code NOTIFY}, delivered on commit to every instance's {@link OutboxNotifications}.
 * A Vert.x timer ({@code yhdyspinta.outbox.poll-interval}, 1 s) is only the safety net, for commits whose
 * notification nobody heard (LISTEN connection down) and for rows written by other means.
 *
 * <p>One round at a time; a wake-up during a round brings one more round after it; a round that read a
 * full batch is followed at once by the next. A failed round (Kafka or the database away) leaves the rows
 * pending: the relay backs off (100 ms doubling to 5 s), logs the outage once and counts every failed round.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final OutboxNotifications notifications;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration initialDelay;
    private final RoundGate gate = new RoundGate();
    private final Counter failedRounds;
    private final Map<Trigger, Counter> rounds = new EnumMap<>(Trigger.class);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long timer = -1;

    public OutboxRelay(OutboxPublisher publisher, OutboxNotifications notifications, Vertx vertx, MeterRegistry metrics,
            @ConfigProperty(name = "yhdyspinta.outbox.poll-interval", defaultValue = "1s") Duration interval,
            @ConfigProperty(name = "yhdyspinta.outbox.initial-delay", defaultValue = "1s") Duration initialDelay) {
        this.publisher = publisher;
        this.notifications = notifications;
        this.vertx = vertx;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.failedRounds = Counter.builder("yhdyspinta.outbox.failed.rounds")
                .description("relay rounds that failed (Kafka or the database away); the rows wait for the next")
                .register(metrics);
        for (Trigger trigger : Trigger.values()) {
            rounds.put(trigger, Counter.builder("yhdyspinta.outbox.rounds").tag("trigger", trigger.tag())
                    .description("relay rounds run, by what started them").register(metrics));
        }
        Gauge.builder("yhdyspinta.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows waiting for the broker (refreshed every poll interval)").register(metrics);
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(initialDelay.toMillis(), Math.max(10, interval.toMillis()), id -> {
            wake(Trigger.TIMER);
            refreshPending();
        });
        notifications.listen(() -> wake(Trigger.NOTIFY), () -> wake(Trigger.LISTEN));
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        vertx.cancelTimer(timer);
        notifications.stop();
        publisher.close();
    }

    /** Something may be pending: run a round now, or once the running one (or a backoff) is over. */
    void wake(Trigger trigger) {
        if (!stopped) {
            gate.wake(trigger).ifPresent(this::round);
        }
    }

    private void round(Trigger trigger) {
        if (!publisher.ready()) {
            retryAfter(gate.notReady());
            return;
        }
        rounds.get(trigger).increment();
        try {
            Background.run(vertx, publisher::publishPending).whenComplete(this::finished);
        } catch (RuntimeException cannotStart) {
            finished(null, cannotStart);
        }
    }

    private void finished(Round round, Throwable failure) {
        try {
            if (failure != null) {
                failed(failure);
            } else {
                succeeded(round);
            }
        } catch (RuntimeException unexpected) {
            // never leave the gate believing a round runs: that would stop the relay for good
            LOG.errorf("outbox relay bookkeeping failed: %s", unexpected.getClass().getSimpleName());
            retryAfter(gate.failed());
        }
    }

    private void succeeded(Round round) {
        int failuresBefore = gate.failures();
        if (failuresBefore > 0) {
            LOG.infof("outbox relay publishing again after %d failed rounds", failuresBefore);
        }
        Optional<Trigger> next = gate.succeeded(round.full());
        next.ifPresent(this::round);
    }

    private void failed(Throwable failure) {
        failedRounds.increment();
        Duration backoff = gate.failed();
        if (gate.failures() == 1) {
            LOG.warnf("outbox relay cannot publish (%s); the rows wait, retrying with backoff up to %s",
                    failure.getClass().getSimpleName(), RoundGate.MAX_BACKOFF);
        } else {
            LOG.debugf("outbox relay round %d failed: %s", gate.failures(), failure.getClass().getSimpleName());
        }
        retryAfter(backoff);
    }

    private void retryAfter(Duration delay) {
        if (!stopped) {
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
                if (!stopped) {
                    gate.retryDue().ifPresent(this::round);
                }
            });
        }
    }

    private void refreshPending() {
        if (!counting.compareAndSet(false, true)) {
            return;
        }
        Background.run(vertx, publisher::countPending).whenComplete((count, failure) -> {
            if (count != null) {
                pending.set(count);
            }
            counting.set(false);
        });
    }
}
