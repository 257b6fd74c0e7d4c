package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JointAssessmentRepository implements PanacheRepositoryBase<JointAssessment, UUID> {

    /**
     * REQUESTED invitations past their deadline, locked for this transaction. {@code SKIP LOCKED}
     * lets several instances escalate side by side without escalating one invitation twice.
     */
    public Uni<List<JointAssessment>> lockOverdue(java.time.OffsetDateTime now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                "select * from joint_assessment where status = 'REQUESTED' and deadline < :now "
                        + "order by deadline limit :limit for update skip locked", JointAssessment.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The client's assessments that the organisation requested or was invited to, newest first. */
    public Uni<List<JointAssessment>> findForClient(String clientId, String organisation) {
        return list("clientId = :client and (requestingOrganisation = :org or invitedOrganisation = :org)",
                Sort.descending("requestedAt"), Parameters.with("client", clientId).and("org", organisation));
    }
}
