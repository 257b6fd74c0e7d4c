package fi.yhdyspinta.platform.pg;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * LISTENs on one PostgreSQL channel on a dedicated connection to the service's database, for as long as the
 * service runs: the connection reconnects by itself, with backoff, and every time it is listening again
 * {@code onListening} runs, so that the owner can catch up with what was committed while nobody listened.
 * A NOTIFY is delivered only when its transaction commits, once per distinct payload.
 */
public final class PgChannelListener {

    private static final Logger LOG = Logger.getLogger(PgChannelListener.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String channel;
    private final String purpose;
    private final Consumer<String> onPayload;
    private final Runnable onListening;
    private volatile boolean stopped;
    private volatile PgSubscriber subscriber;
    private volatile boolean listeningSeen;

    private PgChannelListener(Vertx vertx, PgConnectOptions options, String channel, String purpose,
            Consumer<String> onPayload, Runnable onListening) {
        this.vertx = vertx;
        this.options = options;
        this.channel = channel;
        this.purpose = purpose;
        this.onPayload = onPayload;
        this.onListening = onListening;
    }

    /**
     * Starts listening on {@code channel}; {@code purpose} names the listener in log lines (e.g. "outbox").
     * Stop it with {@link #stop()}.
     */
    public static PgChannelListener listen(Vertx vertx, PgConnectOptions options, String channel, String purpose,
            Consumer<String> onPayload, Runnable onListening) {
        PgChannelListener listener = new PgChannelListener(vertx, options, channel, purpose, onPayload, onListening);
        listener.connect(0);
        return listener;
    }

    /** Reactive URL as Quarkus takes it ({@code [vertx-reactive:]postgresql://host:port/db}, first of a list). */
    public static PgConnectOptions connectOptions(String url, Optional<String> username, Optional<String> password) {
        String first = url.split(",")[0].trim();
        if (first.startsWith("vertx-reactive:")) {
            first = first.substring("vertx-reactive:".length());
        }
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.setTcpKeepAlive(true);
        return options;
    }

    public void stop() {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    /** A fresh subscriber per first-connection attempt: one whose first connect failed does not try again. */
    private void connect(int attempt) {
        if (stopped) {
            return;
        }
        PgSubscriber fresh = PgSubscriber.subscriber(vertx, options);
        fresh.reconnectPolicy(retries -> {
            if (stopped) {
                return -1L;
            }
            if (retries == 0) {
                LOG.infof("%s LISTEN connection lost; reconnecting", purpose);
            }
            return backoff(retries).toMillis();
        });
        fresh.channel(channel)
                .subscribeHandler(ignored -> listening())
                .handler(payload -> onPayload.accept(payload));
        subscriber = fresh;
        fresh.connect().onFailure(failure -> {
            fresh.close();
            if (attempt == 0) {
                LOG.infof("%s LISTEN connection not available yet (%s); retrying", purpose,
                        failure.getClass().getSimpleName());
            }
            if (!stopped) {
                vertx.setTimer(backoff(attempt).toMillis(), id -> connect(attempt + 1));
            }
        });
    }

    private void listening() {
        if (!listeningSeen) {
            listeningSeen = true;
            LOG.debugf("%s listening on channel %s", purpose, channel);
        } else {
            LOG.infof("%s LISTEN connection back; catching up", purpose);
        }
        onListening.run();
    }

    static Duration backoff(int attempt) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }
}
