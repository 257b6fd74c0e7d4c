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
     * Inserts or updates the referral's row in one statement, unless the row already holds a status at
     * least as new: by the referral's {@code aggregateVersion} when both the row and the event carry one,
     * else by event time. An older event (late, or re-driven from the dead-letter topic) changes nothing.
     * One statement, so two events of the same referral can never both insert. Answers whether the row changed.
     */
    public Uni<Boolean> upsertIfNewer(ClientReferral referral) {
        return getSession().chain(session -> session.createNativeQuery(
                "insert into client_referral (referral_id, client_id, sender_organisation, receiver_organisation, "
                        + "category, status, updated_at, last_event_id, aggregate_version) "
                        + "values (:id, :client, :sender, :receiver, :category, :status, :updatedAt, :eventId, "
                        + ":version) "
                        + "on conflict (referral_id) do update set client_id = excluded.client_id, "
                        + "sender_organisation = excluded.sender_organisation, "
                        + "receiver_organisation = excluded.receiver_organisation, category = excluded.category, "
                        + "status = excluded.status, updated_at = excluded.updated_at, "
                        + "last_event_id = excluded.last_event_id, aggregate_version = excluded.aggregate_version "
                        + "where case when client_referral.aggregate_version is not null "
                        + "and excluded.aggregate_version is not null "
                        + "then client_referral.aggregate_version < excluded.aggregate_version "
                        + "else client_referral.updated_at <= excluded.updated_at end")
                .setParameter("id", referral.referralId)
                .setParameter("client", referral.clientId)
                .setParameter("sender", referral.senderOrganisation)
                .setParameter("receiver", referral.receiverOrganisation)
                .setParameter("category", referral.category.name())
                .setParameter("status", referral.status.name())
                .setParameter("updatedAt", referral.updatedAt)
                .setParameter("eventId", referral.lastEventId)
                .setParameter("version", referral.aggregateVersion)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** The client's active services: referrals the receiver accepted or started, whoever sent them. */
    public Uni<List<ClientReferral>> findActiveForClient(String clientId) {
        return list("clientId = ?1 and status in ?2", Sort.ascending("updatedAt"), clientId,
                List.of(fi.yhdyspinta.events.code.ReferralStatus.ACCEPTED,
                        fi.yhdyspinta.events.code.ReferralStatus.IN_PROGRESS));
    }

    /** The client's referrals that the organisation sent or received, most recently changed first. */
    public Uni<List<ClientReferral>> findForClient(String clientId, String organisation) {
        return list("clientId = :client and (senderOrganisation = :org or receiverOrganisation = :org)",
                Sort.descending("updatedAt"), Parameters.with("client", clientId).and("org", organisation));
    }
}
