package fi.yhdyspinta.careplan.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Consents this service heard revoked ({@code consent-revoked}): revocation is final, so a plan share resting on
 * one is revoked however late the plan was written.
 */
@ApplicationScoped
public class RevokedConsents {

    public Uni<Void> record(UUID consentId, OffsetDateTime revokedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into revoked_consent (consent_id, revoked_at) values (:id, :at) on conflict do nothing")
                .setParameter("id", consentId)
                .setParameter("at", revokedAt)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Those of the consents that were revoked. */
    public Uni<List<UUID>> revokedAmong(Collection<UUID> consentIds) {
        if (consentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select consent_id from revoked_consent where consent_id in (:ids)", UUID.class)
                .setParameter("ids", List.copyOf(consentIds))
                .getResultList());
    }
}
