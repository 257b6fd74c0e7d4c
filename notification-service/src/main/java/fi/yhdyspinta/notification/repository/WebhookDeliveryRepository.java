package fi.yhdyspinta.notification.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.domain.WebhookDelivery;
import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Due PENDING deliveries that no other sender holds and that are the earliest PENDING one of their client for
     * their subscription (in order per client: a later one waits while an earlier one is retrying), locked for the
     * caller's transaction. {@code SKIP LOCKED} lets several instances send side by side.
     */
    public Uni<List<WebhookDelivery>> lockDue(OffsetDateTime now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select d.* from webhook_delivery d where d.status = 'PENDING' and d.next_attempt_at <= :now"
                        + " and (d.claimed_until is null or d.claimed_until < :now)"
                        + " and not exists (select 1 from webhook_delivery e"
                        + " where e.subscription_id = d.subscription_id and e.client_id = d.client_id"
                        + " and e.status = 'PENDING' and e.seq < d.seq)"
                        + " order by d.seq limit :limit for update of d skip locked", WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Deliveries in one status, oldest first; of one organisation, or of all when {@code organisation} is empty. */
    public Uni<List<WebhookDelivery>> inStatus(WebhookDeliveryStatus status, Optional<String> organisation,
            int limit) {
        Sort order = Sort.by("createdAt");
        if (organisation.isEmpty()) {
            return find("status", order, status).page(0, limit).list();
        }
        return find("status = :status and organisation = :org", order,
                Parameters.with("status", status).and("org", organisation.get())).page(0, limit).list();
    }

    /** When the oldest PENDING delivery fell due, if any is pending. */
    public Uni<Optional<OffsetDateTime>> oldestPendingSince() {
        return Panache.getSession().chain(session -> session.createQuery(
                "select min(d.dueSince) from WebhookDelivery d where d.status = :status", OffsetDateTime.class)
                .setParameter("status", WebhookDeliveryStatus.PENDING)
                .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }
}
