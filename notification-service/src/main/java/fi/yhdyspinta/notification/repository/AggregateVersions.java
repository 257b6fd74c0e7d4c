package fi.yhdyspinta.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The stale-event guard: the newest {@code aggregateVersion} heard of per referral and joint assessment.
 * In the consuming inbox's transaction.
 */
@ApplicationScoped
public class AggregateVersions {

    public static final String REFERRAL = "referral";
    public static final String JOINT_ASSESSMENT = "joint-assessment";

    /**
     * Records the version if it is newer than the one held, in one statement; answers whether it was. An
     * event without a version (an older producer) is never held back.
     */
    public Uni<Boolean> advance(String aggregate, UUID id, Long version) {
        if (version == null) {
            return Uni.createFrom().item(true);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into aggregate_version (aggregate, aggregate_id, version) values (:aggregate, :id, :version) "
                        + "on conflict (aggregate, aggregate_id) do update set version = excluded.version "
                        + "where aggregate_version.version < excluded.version")
                .setParameter("aggregate", aggregate)
                .setParameter("id", id)
                .setParameter("version", version)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}
