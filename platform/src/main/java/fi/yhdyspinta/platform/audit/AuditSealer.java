package fi.yhdyspinta.platform.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.outbox.Background;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Builds the chain right after each commit that recorded audit entries, one sealer per service at a time:
 * {@link AuditTrail} queues {@code NOTIFY audit_<service>}, delivered on commit to every instance's
 * {@link AuditNotifications}; a round then seals ({@link AuditSealing}, under the sealer's advisory lock)
 * and publishes ({@link AuditPublication}). A Vert.x timer ({@code yhdyspinta.audit.poll-interval}, 1 s) is
 * the safety net for a notification nobody heard, and lets time-based anchors be decided when nothing is written.
 *
 * <p>One round at a time; a wake-up during a round brings one more round after it; a round that read a full
 * batch is followed at once by the next. A round starts {@code yhdyspinta.audit.seal-delay} (100 ms) after the
 * wake-up that asked for it, so that the records of the requests committed meanwhile are sealed and published
 * together: under load a round takes many records instead of one; no act waits for it (its record is already
 * committed with it), only the chain's head and the access log lag by about that much. A failed round (database or Kafka away) leaves the records as they
 * are: the sealer backs off (100 ms doubling to 5 s) and logs the outage once.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AuditSealing sealing;
    private final AuditPublication publication;
    private final AuditNotifications notifications;
    private final AuditMetrics metrics;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration initialDelay;
    private final Duration delay;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile boolean backingOff;
    private volatile int failures;
    private volatile boolean stopped;
    private volatile long timer = -1;

    public AuditSealer(AuditSealing sealing, AuditPublication publication, AuditNotifications notifications,
            AuditMetrics metrics, Vertx vertx,
            @ConfigProperty(name = "yhdyspinta.audit.poll-interval", defaultValue = "1s") Duration interval,
            @ConfigProperty(name = "yhdyspinta.audit.initial-delay", defaultValue = "1s") Duration initialDelay,
            @ConfigProperty(name = "yhdyspinta.audit.seal-delay", defaultValue = "100ms") Duration delay) {
        this.sealing = sealing;
        this.publication = publication;
        this.notifications = notifications;
        this.metrics = metrics;
        this.vertx = vertx;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.delay = delay;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(initialDelay.toMillis(), Math.max(10, interval.toMillis()), id -> {
            wake();
            refreshSizes();
        });
        notifications.listen(this::wake);
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        vertx.cancelTimer(timer);
        notifications.stop();
    }

    /** Something may be unsealed or unpublished: run a round now, or one more after the running one. */
    public void wake() {
        if (stopped || backingOff) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            roundAfterDelay();
        }
    }

    /** The next round, once the records of the requests committing meanwhile can join it. */
    private void roundAfterDelay() {
        if (delay.isZero() || stopped) {
            round();
        } else {
            vertx.setTimer(delay.toMillis(), id -> round());
        }
    }

    private void round() {
        again.set(false);
        try {
            Background.run(vertx, this::sealAndPublish).whenComplete(this::finished);
        } catch (RuntimeException cannotStart) {
            finished(null, cannotStart);
        }
    }

    /** Seals a batch, then publishes a batch; answers whether more may be waiting. */
    private Uni<Boolean> sealAndPublish() {
        return sealing.sealPending().chain(sealed -> {
            if (sealed.lockedElsewhere()) {
                return Uni.createFrom().item(false);
            }
            metrics.sealed(sealed.sealed(), sealed.headPosition());
            if (!publication.ready()) {
                // the Kafka channel is not wired yet: the sealed records wait; the timer comes back for them
                return Uni.createFrom().item(sealed.full());
            }
            return publication.publishPending().map(published -> sealed.full() || published.full());
        });
    }

    private void finished(Boolean more, Throwable failure) {
        if (failure != null) {
            failures++;
            if (failures == 1) {
                LOG.warnf("audit sealer round failed (%s); the records wait, retrying with backoff up to %s",
                        failure.getClass().getSimpleName(), MAX_BACKOFF);
            }
            long millis = Math.min(FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16), MAX_BACKOFF.toMillis());
            backingOff = true;
            running.set(false);
            if (!stopped) {
                vertx.setTimer(millis, id -> {
                    backingOff = false;
                    wake();
                });
            }
            return;
        }
        if (failures > 0) {
            LOG.infof("audit sealer working again after %d failed rounds", failures);
            failures = 0;
        }
        if (Boolean.TRUE.equals(more)) {
            round();
            return;
        }
        running.set(false);
        // a wake-up that arrived during the round: one more round
        if (again.get() && running.compareAndSet(false, true)) {
            roundAfterDelay();
        }
    }

    private void refreshSizes() {
        if (!counting.compareAndSet(false, true)) {
            return;
        }
        Background.run(vertx, sealing::sizes).whenComplete((sizes, failure) -> {
            if (sizes != null) {
                metrics.sizes(sizes[0], sizes[1]);
            }
            counting.set(false);
        });
    }
}
