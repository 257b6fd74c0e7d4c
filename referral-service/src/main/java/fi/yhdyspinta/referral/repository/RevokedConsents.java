package fi.yhdyspinta.referral.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consents whose revocation this service has seen (peruttu suostumus): the stale-event guard of the
 * consent family. A revocation is final, so once recorded no permit resting on that consent applies.
 */
@ApplicationScoped
public class RevokedConsents {

    /** Records the revocation (a repeated one changes nothing). In the caller's transaction. */
    public Uni<Void> record(UUID consentId, OffsetDateTime revokedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into revoked_consent (consent_id, revoked_at) values (:id, :at) on conflict do nothing")
                .setParameter("id", consentId)
                .setParameter("at", revokedAt)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Boolean> isRevoked(UUID consentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from revoked_consent where consent_id = :id", Long.class)
                .setParameter("id", consentId)
                .getSingleResult())
                .map(count -> count > 0);
    }
}
