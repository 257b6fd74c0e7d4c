package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanParticipantRepository implements PanacheRepositoryBase<PlanParticipant, PlanParticipant.Key> {

    public Uni<List<PlanParticipant>> ofPlan(UUID planId) {
        return list("planId", Sort.ascending("addedAt", "organisation"), planId);
    }

    public Uni<List<PlanParticipant>> ofPlans(List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("planId in ?1", Sort.ascending("addedAt", "organisation"), planIds);
    }

    /** The active shares that rest on the consent, locked: a revocation takes them away. */
    public Uni<List<PlanParticipant>> activeOnConsent(UUID consentId) {
        return find("consentId = ?1 and status = ?2", consentId, PlanSharing.ACTIVE)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }
}
