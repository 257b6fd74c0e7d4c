package fi.yhdyspinta.platform.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The outbox rows the broker refused for good ({@link BrokerRefusal}). They stay — retention never purges
 * them — until ops re-drives one (it becomes pending again and the relay tries it at once, in its original
 * position) or drops it (deleted: the event is given up, its state change stays).
 */
@ApplicationScoped
public class OutboxQuarantine {

    private static final Logger LOG = Logger.getLogger(OutboxQuarantine.class);
    static final int MAX_LISTED = 1000;

    private final String channel;

    public OutboxQuarantine(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.channel = OutboxSignals.channel(applicationName);
    }

    /** The quarantined rows, oldest first (at most 1000). */
    public Uni<List<QuarantinedEvent>> list() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createQuery(
                "select new fi.yhdyspinta.platform.outbox.QuarantinedEvent(e.position, e.eventId, e.eventType, e.topic,"
                        + " e.quarantineReason, e.createdAt, e.quarantinedAt)"
                        + " from OutboxEvent e where e.quarantinedAt is not null order by e.position",
                QuarantinedEvent.class).setMaxResults(MAX_LISTED).getResultList()));
    }

    /** Makes the row pending again and wakes the relays; false if no such row is quarantined. */
    public Uni<Boolean> redrive(long position) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "update outbox_event set quarantined_at = null, quarantine_reason = null"
                        + " where position = :position and quarantined_at is not null")
                .setParameter("position", position)
                .executeUpdate()
                .chain(updated -> updated == 0 ? Uni.createFrom().item(false) : session
                        .createNativeQuery(Outbox.NOTIFY)
                        .setParameter("channel", channel)
                        .executeUpdate().replaceWith(true))))
                .invoke(found -> {
                    if (found) {
                        LOG.infof("quarantined outbox row %d re-driven by ops", position);
                    }
                });
    }

    /** Deletes the quarantined row; false if no such row is quarantined. */
    public Uni<Boolean> drop(long position) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from outbox_event where position = :position and quarantined_at is not null")
                .setParameter("position", position)
                .executeUpdate()))
                .map(deleted -> deleted > 0)
                .invoke(found -> {
                    if (found) {
                        LOG.infof("quarantined outbox row %d dropped by ops", position);
                    }
                });
    }
}
