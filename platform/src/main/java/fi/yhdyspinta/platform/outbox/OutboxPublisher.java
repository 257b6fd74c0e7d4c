package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.pg.PgChannelListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka in position order, then marks them published. A crash after the send and before
 * the mark publishes the rows again: consumers are idempotent, so at-least-once becomes effectively once.
 *
 * <p><b>One publisher at a time per service.</b> Only the instance that leads ({@link RelayLeadership}: its own
 * connection holds the service's session-level advisory lock) publishes; another instance's round finds the lead
 * taken and does nothing — the leader publishes everything pending, in position order, and every instance's relay
 * is woken by the same commits. The rows are read in position order without {@code SKIP LOCKED} and sent in that
 * order, which the idempotent producer keeps within each partition: one key's events reach Kafka in the order they
 * were recorded, however many instances run. The leader's round is two statements on its connection (read, mark),
 * with no transaction of its own: only the leader marks, so nothing can come between the two.
 *
 * <p><b>Refusals.</b> A row the broker refuses for good ({@link BrokerRefusal}) is quarantined with its
 * reason and never blocks the rows after it; any other failure fails the whole round (nothing is marked, the
 * rows wait for the next round) and gives the lead up, so that a healthy instance may take it.
 *
 * <p><b>No stuck lead.</b> A round gives up waiting for the broker after {@link #SEND_TIMEOUT}, and for the database
 * after {@link #STATEMENT_TIMEOUT}; the database ends a leader's connection that stays idle longer than
 * {@code yhdyspinta.outbox.abandoned-lead} (90 s: a frozen or cut-off instance), so one instance can never stop the others'
 * publishing for good.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    static final int BATCH = 200;
    /**
     * A round gives up waiting for the broker after this (the producer's own delivery timeout, 30 s, comes
     * first); the round then fails and the lead is given up.
     */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(45);
    /** A round gives up waiting for one statement after this (a connection cut off without a word). */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PENDING = "select position, event_id, topic, event_key, payload, event_type"
            + " from outbox_event where published_at is null and quarantined_at is null order by position limit " + BATCH;

    private final OutboxSender sender;
    private final RelayLeadership leadership;
    private final Counter published;
    private final Counter quarantined;

    @Inject
    public OutboxPublisher(OutboxSender sender, MeterRegistry metrics, Vertx vertx,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "yhdyspinta.outbox.abandoned-lead", defaultValue = "90s") Duration abandonedLead) {
        this(sender, metrics, vertx, applicationName, PgChannelListener.connectOptions(url, username, password),
                abandonedLead);
    }

    /**
     * Another instance's publisher, as a test makes it: its own connection to the same database, which the database
     * ends after {@code abandonedLead} without a statement.
     */
    public OutboxPublisher(OutboxSender sender, MeterRegistry metrics, Vertx vertx, String applicationName,
            PgConnectOptions database, Duration abandonedLead) {
        this.sender = sender;
        this.leadership = new RelayLeadership(vertx, database, OutboxSignals.lockKey(applicationName), applicationName,
                abandonedLead);
        this.published = Counter.builder("yhdyspinta.outbox.published")
                .description("events relayed from the outbox to Kafka").register(metrics);
        this.quarantined = Counter.builder("yhdyspinta.outbox.quarantined")
                .description("outbox rows the broker refused for good (listed at GET /ops/outbox/quarantine)")
                .register(metrics);
        Gauge.builder("yhdyspinta.outbox.leading", leadership, l -> l.leading() ? 1 : 0)
                .description("1 while this instance leads its service's outbox relay (publishes), else 0").register(metrics);
    }

    /** Whether sends can go out yet. */
    public boolean ready() {
        return sender.ready();
    }

    /** One round: publishes up to a batch of what is pending, unless another instance leads. */
    public Uni<Round> publishPending() {
        Context context = Vertx.currentContext();
        return leadership.lead().ifNoItem().after(STATEMENT_TIMEOUT).fail()
                .chain(connection -> connection == null
                        ? Uni.createFrom().item(Round.LOCKED_ELSEWHERE)
                        : pending(connection).chain(rows -> publish(connection, rows, context)))
                .onFailure().call(leadership::drop)
                .invoke(this::afterMark);
    }

    /** Gives the lead up (the service stops). */
    public void close() {
        leadership.close();
    }

    /** Whether this instance led at its last round. */
    public boolean leading() {
        return leadership.leading();
    }

    /** Rows waiting for the broker (neither published nor quarantined). */
    public Uni<Long> countPending() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from outbox_event where published_at is null and quarantined_at is null",
                        Long.class)
                .getSingleResult()));
    }

    private static Uni<List<OutboxEvent>> pending(PgConnection connection) {
        return statement(connection.preparedQuery(PENDING).execute()).map(rows -> {
            List<OutboxEvent> pending = new ArrayList<>(rows.size());
            for (Row row : rows) {
                OutboxEvent event = new OutboxEvent();
                event.position = row.getLong(0);
                event.eventId = row.getUUID(1);
                event.topic = row.getString(2);
                event.key = row.getString(3);
                event.payload = row.getString(4);
                event.eventType = row.getString(5);
                pending.add(event);
            }
            return pending;
        });
    }

    private static <T> Uni<T> statement(Future<T> running) {
        return Uni.createFrom().completionStage(running.toCompletionStage()).ifNoItem().after(STATEMENT_TIMEOUT).fail();
    }

    private Uni<Round> publish(PgConnection connection, List<OutboxEvent> rows, Context context) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Round.IDLE);
        }
        // Subscribed to in list order, so the records enter the channel in position order; they travel
        // pipelined, and the round waits for every acknowledgement (or permanent refusal). Acknowledgements
        // may arrive on a Kafka thread: the round goes on on its own Vert.x context.
        List<Uni<Sent>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .emitOn(command -> {
                    if (context != null) {
                        context.runOnContext(ignored -> command.run());
                    } else {
                        command.run();
                    }
                })
                .chain(sent -> mark(connection, sent).replaceWith(() -> Round.of(sent, rows.size() == BATCH)));
    }

    private Uni<Sent> send(OutboxEvent row) {
        return sender.send(row).replaceWith(() -> new Sent(row, null))
                .onFailure(BrokerRefusal::isPermanent).recoverWithItem(e -> new Sent(row, BrokerRefusal.reason(e)));
    }

    private static Uni<Void> mark(PgConnection connection, List<Sent> sent) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Long[] published = sent.stream().filter(Sent::published).map(s -> s.row().position).toArray(Long[]::new);
        Uni<Void> marked = published.length == 0 ? Uni.createFrom().voidItem()
                : statement(connection.preparedQuery("update outbox_event set published_at = $1 where position = any($2)")
                        .execute(Tuple.tuple().addOffsetDateTime(now).addArrayOfLong(published))).replaceWithVoid();
        for (Sent refused : sent.stream().filter(s -> !s.published()).toList()) {
            marked = marked.chain(() -> statement(connection.preparedQuery("update outbox_event set quarantined_at = $1,"
                    + " quarantine_reason = $2 where position = $3")
                    .execute(Tuple.of(now, refused.refusal(), refused.row().position))).replaceWithVoid());
        }
        return marked;
    }

    private void afterMark(Round round) {
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
