package fi.yhdyspinta.referral.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.referral.domain.ReferralTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReferralTransitionRepository implements PanacheRepositoryBase<ReferralTransition, Long> {

    /** A referral's transitions in the order they were made. */
    public Uni<List<ReferralTransition>> historyOf(UUID referralId) {
        return list("referralId", Sort.ascending("id"), referralId);
    }
}
