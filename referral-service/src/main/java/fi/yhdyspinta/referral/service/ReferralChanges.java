package fi.yhdyspinta.referral.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.platform.pg.PgChannelListener;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Wakes readers that wait for a referral to change (long polling, {@code GET /referrals/{id}} with
 * {@code Prefer: wait}). Every change of a referral queues {@code NOTIFY referral_changed '<id>'} in its own
 * transaction; PostgreSQL delivers it at commit to the listener of every instance, so a reader waiting on one
 * instance wakes up whichever instance made the change. A reader registers before it reads the referral, so a
 * change committed after that read is never missed; a notification lost while the listener reconnects only makes
 * the reader wait to the end of its wait, never return stale data as new.
 */
@ApplicationScoped
public class ReferralChanges {

    static final String CHANNEL = "referral_changed";

    private final Vertx vertx;
    private final Optional<PgConnectOptions> options;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private volatile PgChannelListener listener;

    public ReferralChanges(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = url.map(u -> PgChannelListener.connectOptions(u, username, password));
    }

    void start(@Observes StartupEvent started) {
        options.ifPresent(o -> listener = PgChannelListener.listen(vertx, o, CHANNEL, "referral change",
                this::changed, () -> { }));
    }

    void stop(@Observes ShutdownEvent stopping) {
        PgChannelListener current = listener;
        if (current != null) {
            current.stop();
        }
    }

    /** Inside the transaction that changes the referral: waiting readers wake up when it commits. */
    public Uni<Void> announce(UUID referralId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_notify(:channel, :id)")
                .setParameter("channel", CHANNEL)
                .setParameter("id", referralId.toString())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Registers a reader before it looks at the referral; close it when done. */
    public Watch watch(UUID referralId) {
        Watch watch = new Watch(referralId);
        waiting.computeIfAbsent(referralId, id -> ConcurrentHashMap.newKeySet()).add(watch.changed);
        return watch;
    }

    /** How many readers wait right now (for tests and metrics). */
    int waiting() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void changed(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload);
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        Set<CompletableFuture<Void>> readers = waiting.get(id);
        if (readers != null) {
            readers.forEach(reader -> reader.complete(null));
        }
    }

    /** One waiting reader. */
    public final class Watch implements AutoCloseable {

        private final UUID referralId;
        private final CompletableFuture<Void> changed = new CompletableFuture<>();

        private Watch(UUID referralId) {
            this.referralId = referralId;
        }

        /** Completes with true when the referral changed, or with false after {@code wait}. */
        public Uni<Boolean> changedWithin(Duration wait) {
            return Uni.createFrom().completionStage(changed).replaceWith(true)
                    .ifNoItem().after(wait).recoverWithItem(false);
        }

        @Override
        public void close() {
            waiting.computeIfPresent(referralId, (id, readers) -> {
                readers.remove(changed);
                return readers.isEmpty() ? null : readers;
            });
        }
    }
}
