package fi.yhdyspinta.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the {@link OutboxPublisher} every {@code yhdyspinta.outbox.poll-interval} (200 ms). A failed
 * round (Kafka or the database away) leaves the rows pending for the next one: nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;

    public OutboxRelay(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(every = "${yhdyspinta.outbox.poll-interval:0.2s}", delayed = "${yhdyspinta.outbox.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (!publisherReady()) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publishPending().onFailure().recoverWithUni(e -> {
            LOG.warnf("outbox relay will retry: %s", e.getClass().getSimpleName());
            return Uni.createFrom().item(0);
        }).replaceWithVoid();
    }

    /**
     * During start-up the scheduler may fire before messaging has wired the {@code outbox} channel to
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
