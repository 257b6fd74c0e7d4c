package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * LISTENs on the service's outbox channel on a dedicated connection to the service's database (the reactive
 * datasource's URL and credentials), and tells the relay when a commit recorded events. The connection
 * reconnects by itself, with backoff, for as long as the service runs; every time it is listening again the
 * relay is told too, so that it catches up with what was committed while nobody listened. A notification
 * missed meanwhile therefore only waits for that catch-up round or the relay's timer — nothing is lost, the
 * rows stay in the outbox until published.
 */
@ApplicationScoped
public class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final String channel;
    private final Optional<PgConnectOptions> options;
    private volatile boolean stopped;
    private volatile PgSubscriber subscriber;
    private volatile boolean listeningSeen;
    private Runnable onNotification = () -> { };
    private Runnable onListening = () -> { };

    public OutboxNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.channel = OutboxSignals.channel(applicationName);
        this.options = url.map(u -> connectOptions(u, username, password));
    }

    /** Reactive URL as Quarkus takes it ({@code [vertx-reactive:]postgresql://host:port/db}, first of a list). */
    static PgConnectOptions connectOptions(String url, Optional<String> username, Optional<String> password) {
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

    /** Starts listening; {@code onNotification} for each commit that recorded events, {@code onListening} on each (re)subscription. */
    public void listen(Runnable onNotification, Runnable onListening) {
        if (options.isEmpty()) {
            LOG.info("no reactive datasource URL: the outbox relay runs on its timer only");
            return;
        }
        this.onNotification = onNotification;
        this.onListening = onListening;
        connect(0);
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
        PgSubscriber fresh = PgSubscriber.subscriber(vertx, options.get());
        fresh.reconnectPolicy(retries -> {
            if (stopped) {
                return -1L;
            }
            if (retries == 0) {
                LOG.info("outbox LISTEN connection lost; reconnecting (the relay's timer covers the gap)");
            }
            return backoff(retries).toMillis();
        });
        fresh.channel(channel)
                .subscribeHandler(ignored -> listening())
                .handler(payload -> onNotification.run());
        subscriber = fresh;
        fresh.connect().onFailure(failure -> {
            fresh.close();
            if (attempt == 0) {
                LOG.infof("outbox LISTEN connection not available yet (%s); retrying", failure.getClass().getSimpleName());
            }
            if (!stopped) {
                vertx.setTimer(backoff(attempt).toMillis(), id -> connect(attempt + 1));
            }
        });
    }

    private void listening() {
        if (!listeningSeen) {
            listeningSeen = true;
            LOG.debugf("outbox relay listening on channel %s", channel);
        } else {
            LOG.info("outbox LISTEN connection back; catching up");
        }
        onListening.run();
    }

    private static Duration backoff(int attempt) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }
}
