package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.ClientReferral;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClientReferralRepository implements PanacheRepositoryBase<ClientReferral, UUID> {

    /**
     * Inserts or updates the referral's row in one statement, unless the row already holds a newer
     * status (an older event that arrived late changes nothing). One statement, so two events of
     * the same referral handled at once on different topics cannot both insert. Answers whether
     * the row changed.
     */
    public Uni<Boolean> upsertIfNewer(ClientReferral referral) {
        return getSession().chain(session -> session.createNativeQuery(
                "insert into client_referral (referral_id, client_id, sender_organisation, receiver_organisation, "
                        + "category, status, updated_at, last_event_id) "
                        + "values (:id, :client, :sender, :receiver, :category, :status, :updatedAt, :eventId) "
                        + "on conflict (referral_id) do update set client_id = excluded.client_id, "
                        + "sender_organisation = excluded.sender_organisation, "
                        + "receiver_organisation = excluded.receiver_organisation, category = excluded.category, "
                        + "status = excluded.status, updated_at = excluded.updated_at, "
                        + "last_event_id = excluded.last_event_id "
                        + "where client_referral.updated_at <= excluded.updated_at")
                .setParameter("id", referral.referralId)
                .setParameter("client", referral.clientId)
                .setParameter("sender", referral.senderOrganisation)
                .setParameter("receiver", referral.receiverOrganisation)
                .setParameter("category", referral.category.name())
                .setParameter("status", referral.status.name())
                .setParameter("updatedAt", referral.updatedAt)
                .setParameter("eventId", referral.lastEventId)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** The client's referrals that the organisation sent or received, most recently changed first. */
    public Uni<List<ClientReferral>> findForClient(String clientId, String organisation) {
        return list("clientId = :client and (senderOrganisation = :org or receiverOrganisation = :org)",
                Sort.descending("updatedAt"), Parameters.with("client", clientId).and("org", organisation));
    }
}
