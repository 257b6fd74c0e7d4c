package fi.yhdyspinta.platform.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.pg.PgChannelListener;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

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

    private final Vertx vertx;
    private final String channel;
    private final Optional<PgConnectOptions> options;
    private volatile PgChannelListener listener;

    public OutboxNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.channel = OutboxSignals.channel(applicationName);
        this.options = url.map(u -> PgChannelListener.connectOptions(u, username, password));
    }

    /** Reactive URL as Quarkus takes it ({@code [vertx-reactive:]postgresql://host:port/db}, first of a list). */
    static PgConnectOptions connectOptions(String url, Optional<String> username, Optional<String> password) {
        return PgChannelListener.connectOptions(url, username, password);
    }

    /** Starts listening; {@code onNotification} for each commit that recorded events, {@code onListening} on each (re)subscription. */
    public void listen(Runnable onNotification, Runnable onListening) {
        if (options.isEmpty()) {
            LOG.info("no reactive datasource URL: the outbox relay runs on its timer only");
            return;
        }
        listener = PgChannelListener.listen(vertx, options.get(), channel, "outbox relay",
                payload -> onNotification.run(), onListening);
    }

    public void stop() {
        PgChannelListener current = listener;
        if (current != null) {
            current.stop();
        }
    }
}
