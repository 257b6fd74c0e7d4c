package fi.yhdyspinta.platform.audit;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.pg.PgChannelListener;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * LISTENs on the service's audit channel ({@code audit_<service>}) on a dedicated connection
 * ({@link PgChannelListener}), and wakes the sealer when a commit recorded audit entries — and each time it is
 * listening again after a lost connection, to catch up. Meanwhile the sealer's timer covers the gap.
 */
@ApplicationScoped
public class AuditNotifications {

    private static final Logger LOG = Logger.getLogger(AuditNotifications.class);

    private final Vertx vertx;
    private final String channel;
    private final Optional<PgConnectOptions> options;
    private volatile PgChannelListener listener;

    public AuditNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.channel = AuditSignals.channel(applicationName);
        this.options = url.map(u -> PgChannelListener.connectOptions(u, username, password));
    }

    /** Starts listening; {@code wake} runs for each notification and on each (re)subscription. */
    public void listen(Runnable wake) {
        if (options.isEmpty()) {
            LOG.info("no reactive datasource URL: the audit sealer runs on its timer only");
            return;
        }
        listener = PgChannelListener.listen(vertx, options.get(), channel, "audit sealer", payload -> wake.run(), wake);
    }

    public void stop() {
        PgChannelListener current = listener;
        if (current != null) {
            current.stop();
        }
    }
}
