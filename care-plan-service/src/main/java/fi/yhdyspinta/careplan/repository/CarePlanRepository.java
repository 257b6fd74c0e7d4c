package fi.yhdyspinta.careplan.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.CarePlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CarePlanRepository implements PanacheRepositoryBase<CarePlan, UUID> {

    public Uni<List<CarePlan>> findByClient(String clientId) {
        return list("clientId", Sort.descending("createdAt"), clientId);
    }

    /** Plans whose review date is before {@code cutoff} and whose overdue review has not been raised yet. */
    public Uni<List<CarePlan>> reviewOverdueNotRaised(LocalDate cutoff, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                "select p.* from care_plan p where p.review_date < :cutoff and not exists (select 1 from raised_hint h "
                        + "where h.client_id = p.client_id and h.hint = 'PLAN_REVIEW_OVERDUE' and h.plan_id = p.id) "
                        + "order by p.review_date limit :limit", CarePlan.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList());
    }
}
