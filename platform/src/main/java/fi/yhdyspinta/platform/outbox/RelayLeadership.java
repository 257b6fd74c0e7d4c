package fi.yhdyspinta.platform.outbox;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The relay's own connection to the service's database, and with it the lead: the instance whose connection holds
 * the service's session-level advisory lock ({@code pg_try_advisory_lock}) is the one that publishes; the others'
 * rounds find it taken and do nothing. The leader keeps the lock from round to round, so a round is two statements
 * on this connection (read the pending rows, mark them), not a transaction with a lock of its own (D46).
 *
 * <p><b>The lead is never stuck.</b> The lock lives as long as the connection:
 * <ul>
 * <li>an instance that stops or dies closes it (or the kernel does), and the next round of another instance
 * takes the lead;</li>
 * <li>a failed round drops the connection ({@link #drop()}), so that a healthy instance may lead;</li>
 * <li>the connection asks the database to end it when it stays idle longer than {@code abandonedLead}
 * ({@code yhdyspinta.outbox.abandoned-lead}, 90 s; PostgreSQL's {@code idle_session_timeout}, version 14): a
 * frozen or cut-off leader loses the lead, while a live one runs a round (and so a statement) at least every
 * {@code yhdyspinta.outbox.poll-interval}.</li>
 * </ul>
 * One round at a time uses it ({@link RoundGate}); the fields are volatile only because rounds may continue on
 * another thread (the broker's acknowledgements).
 */
final class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    /** The connection's {@code application_name} is the service's name and this. */
    static final String APPLICATION_NAME_SUFFIX = "outbox relay";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long lockKey;
    private final Duration abandonedLead;
    private volatile PgConnection connection;
    private volatile boolean leading;

    RelayLeadership(Vertx vertx, PgConnectOptions options, long lockKey, String applicationName,
            Duration abandonedLead) {
        this.vertx = vertx;
        // its two statements are parsed once; ops find the connection by its name in pg_stat_activity
        this.options = new PgConnectOptions(options).setCachePreparedStatements(true)
                .addProperty("application_name", applicationName + " " + APPLICATION_NAME_SUFFIX);
        this.lockKey = lockKey;
        this.abandonedLead = abandonedLead;
    }

    /**
     * The connection to publish on if this instance leads — taking the lead if nobody holds it — or {@code null}
     * when another instance leads.
     */
    Uni<PgConnection> lead() {
        return Uni.createFrom().completionStage(() -> leadNow().toCompletionStage());
    }

    private Future<PgConnection> leadNow() {
        PgConnection current = connection;
        if (current != null && leading) {
            return Future.succeededFuture(current);
        }
        Future<PgConnection> connected = current != null ? Future.succeededFuture(current) : connect();
        return connected.compose(c -> c.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lockKey))
                .map(rows -> {
                    boolean took = rows.iterator().next().getBoolean(0);
                    if (took && connection == c) {
                        leading = true;
                        LOG.debugf("outbox relay leads (advisory lock %d)", lockKey);
                        return c;
                    }
                    return null;
                }));
    }

    private Future<PgConnection> connect() {
        return PgConnection.connect(vertx, options).compose(c -> c
                .query("set idle_session_timeout = " + abandonedLead.toMillis()).execute()
                .map(ignored -> {
                    connection = c;
                    leading = false;
                    c.closeHandler(closed -> forget(c));
                    return c;
                })
                .onFailure(failure -> c.close()));
    }

    /** Whether this instance led at its last round (for tests and logs). */
    boolean leading() {
        return leading && connection != null;
    }

    /** After a failed round: the connection goes, and with it the lock, so that another instance may lead. */
    Uni<Void> drop() {
        PgConnection current = connection;
        forget(current);
        if (current == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> current.close().toCompletionStage())
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Stops: closes the connection, which gives the lead up at once. */
    void close() {
        PgConnection current = connection;
        forget(current);
        if (current != null) {
            current.close();
        }
    }

    private void forget(PgConnection closed) {
        if (closed != null && connection == closed) {
            connection = null;
            leading = false;
        }
    }
}
