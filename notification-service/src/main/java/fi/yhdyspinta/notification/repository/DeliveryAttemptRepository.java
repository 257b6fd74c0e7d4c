package fi.yhdyspinta.notification.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.domain.DeliveryAttempt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, UUID> {

    /**
     * Pending attempts whose time has come and that no other sender holds, locked for the caller's
     * transaction. {@code SKIP LOCKED} lets several instances send side by side.
     */
    public Uni<List<DeliveryAttempt>> lockDue(OffsetDateTime now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select * from delivery_attempt where status = 'PENDING' and next_attempt_at <= :now"
                        + " and (claimed_until is null or claimed_until < :now)"
                        + " order by next_attempt_at limit :limit for update skip locked", DeliveryAttempt.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
