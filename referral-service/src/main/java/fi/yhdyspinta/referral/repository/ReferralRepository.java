package fi.yhdyspinta.referral.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.referral.domain.Referral;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Uni<Referral> findByNeed(UUID needId) {
        return find("needId", needId).firstResult();
    }

    public Uni<List<Referral>> findOpenOnConsent(UUID consentId, List<ReferralStatus> openStatuses) {
        return list("consentId = :consent and status in :statuses",
                Parameters.with("consent", consentId).and("statuses", openStatuses));
    }

    /**
     * Referrals an organisation sent, or received with a permit (a referral that never had one does
     * not exist for its receiver), newest first, optionally in one status.
     */
    public Uni<List<Referral>> findFor(String organisation, boolean sent, ReferralStatus status, int limit) {
        Parameters params = Parameters.with("org", organisation);
        String query = sent ? "senderOrganisation = :org"
                : "receiverOrganisation = :org and permittedDataCategories is not null";
        if (status != null) {
            query += " and status = :status";
            params = params.and("status", status);
        }
        return find(query, Sort.descending("createdAt"), params).page(0, limit).list();
    }
}
