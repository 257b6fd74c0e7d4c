package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes outbox rows to Kafka in position order, then marks them published in the transaction that
 * read them. A crash after the send and before the commit publishes the rows again: consumers are
 * idempotent, so at-least-once becomes effectively once.
 *
 * <p><b>One publisher at a time per service.</b> Each round first takes the service's transaction-scoped
 * advisory lock ({@code pg_try_advisory_xact_lock}); when another instance holds it, this round does
 * nothing — the holder publishes everything pending, in position order, and every instance's relay is woken
 * by the same commits. The rows are then read in position order without {@code SKIP LOCKED} and sent in that
 * order, which the idempotent producer keeps within each partition: one key's events reach Kafka in the order
 * they were recorded, however many instances run.
 *
 * <p><b>Refusals.</b> A row the broker refuses for good ({@link BrokerRefusal}) is quarantined with its
 * reason and never blocks the rows after it; any other failure fails the whole round (nothing is marked, the
 * rows wait for the next round).
 *
 * <p><b>No stuck lock.</b> The lock lives only as long as the round's transaction. A round gives up waiting
 * for the broker after {@link #SEND_TIMEOUT} and rolls back; and the round's transaction tells PostgreSQL to
 * end it if it stays idle longer than {@link #ABANDONED_ROUND} (a frozen or cut-off instance), so one
 * instance can never stop the others' publishing for good.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    static final int BATCH = 200;
    /**
     * A round gives up waiting for the broker after this (the producer's own delivery timeout, 30 s, comes
     * first); the round then fails and its transaction, with the lock, is rolled back.
     */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);
    /**
     * The database ends a round's transaction that stays idle longer than this — a process that froze or
     * lost its connection mid-round — so that its lock cannot stop the other instances for good.
     */
    static final Duration ABANDONED_ROUND = Duration.ofSeconds(90);

    private final OutboxSender sender;
    private final long lockKey;
    private final Counter published;
    private final Counter quarantined;

    @Inject
    public OutboxPublisher(OutboxSender sender, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.sender = sender;
        this.lockKey = OutboxSignals.lockKey(applicationName);
        this.published = Counter.builder("yhdyspinta.outbox.published")
                .description("events relayed from the outbox to Kafka").register(metrics);
        this.quarantined = Counter.builder("yhdyspinta.outbox.quarantined")
                .description("outbox rows the broker refused for good (listed at GET /ops/outbox/quarantine)")
                .register(metrics);
    }

    /** Whether sends can go out yet. */
    public boolean ready() {
        return sender.ready();
    }

    /** One round: publishes up to a batch of what is pending, unless another instance is publishing. */
    public Uni<Round> publishPending() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:key) from (select set_config("
                        + "'idle_in_transaction_session_timeout', :abandoned, true)) guard", Boolean.class)
                .setParameter("key", lockKey)
                .setParameter("abandoned", String.valueOf(ABANDONED_ROUND.toMillis()))
                .getSingleResult()
                .chain(holder -> holder
                        ? pending(session).chain(rows -> publish(session, rows, context))
                        : Uni.createFrom().item(Round.LOCKED_ELSEWHERE))))
                .invoke(this::afterCommit);
    }

    /** Rows waiting for the broker (neither published nor quarantined). */
    public Uni<Long> countPending() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from outbox_event where published_at is null and quarantined_at is null",
                        Long.class)
                .getSingleResult()));
    }

    private static Uni<List<OutboxEvent>> pending(Mutiny.Session session) {
        return session.createNativeQuery("select * from outbox_event where published_at is null and quarantined_at is null"
                + " order by position limit " + BATCH, OutboxEvent.class).getResultList();
    }

    private Uni<Round> publish(Mutiny.Session session, List<OutboxEvent> rows, Context context) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Round.IDLE);
        }
        // Subscribed to in list order, so the records enter the channel in position order; they travel
        // pipelined, and the round waits for every acknowledgement (or permanent refusal). Acknowledgements
        // may arrive on a Kafka thread: the transaction goes on on its own Vert.x context.
        List<Uni<Sent>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(sent -> mark(session, sent).replaceWith(() -> Round.of(sent, rows.size() == BATCH)));
    }

    private Uni<Sent> send(OutboxEvent row) {
        return sender.send(row).replaceWith(() -> new Sent(row, null))
                .onFailure(BrokerRefusal::isPermanent).recoverWithItem(e -> new Sent(row, BrokerRefusal.reason(e)));
    }

    private static Uni<Void> mark(Mutiny.Session session, List<Sent> sent) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> published = sent.stream().filter(Sent::published).map(s -> s.row().position).toList();
        Uni<Void> marked = published.isEmpty() ? Uni.createFrom().voidItem() : session
                .createNativeQuery("update outbox_event set published_at = :now where position in (:positions)")
                .setParameter("now", now)
                .setParameter("positions", published)
                .executeUpdate().replaceWithVoid();
        for (Sent refused : sent.stream().filter(s -> !s.published()).toList()) {
            marked = marked.chain(() -> session.createNativeQuery("update outbox_event set quarantined_at = :now,"
                    + " quarantine_reason = :reason where position = :position")
                    .setParameter("now", now)
                    .setParameter("reason", refused.refusal())
                    .setParameter("position", refused.row().position)
                    .executeUpdate().replaceWithVoid());
        }
        return marked;
    }

    private void afterCommit(Round round) {
        published.increment(round.published());
        for (Quarantined row : round.quarantined()) {
            quarantined.increment();
            LOG.warnf("outbox row %d (event %s, %s, topic %s) quarantined, the broker refused it: %s", row.position(),
                    row.eventId(), row.type(), row.topic(), row.reason());
        }
    }

    /** What a send came to: acknowledged ({@code refusal == null}) or refused for good. */
    private record Sent(OutboxEvent row, String refusal) {

        boolean published() {
            return refusal == null;
        }
    }

    /** A row quarantined in this round. */
    public record Quarantined(long position, String eventId, String type, String topic, String reason) {
    }

    /**
     * What a round did. {@code full}: it read a whole batch, so more may be waiting; {@code lockedElsewhere}:
     * another instance is publishing.
     */
    public record Round(int published, List<Quarantined> quarantined, boolean full, boolean lockedElsewhere) {

        static final Round IDLE = new Round(0, List.of(), false, false);
        static final Round LOCKED_ELSEWHERE = new Round(0, List.of(), false, true);

        static Round of(List<Sent> sent, boolean full) {
            return new Round((int) sent.stream().filter(Sent::published).count(), sent.stream()
                    .filter(s -> !s.published())
                    .map(s -> new Quarantined(s.row().position, String.valueOf(s.row().eventId), s.row().eventType,
                            s.row().topic, s.refusal()))
                    .toList(), full, false);
        }
    }
}
