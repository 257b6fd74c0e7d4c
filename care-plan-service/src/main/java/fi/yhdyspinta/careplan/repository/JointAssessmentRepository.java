package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JointAssessmentRepository implements PanacheRepositoryBase<JointAssessment, UUID> {

    /**
     * Assessments past their deadline with an invitation still REQUESTED, locked for this transaction. {@code SKIP
     * LOCKED} lets several instances escalate side by side without escalating one invitation twice.
     */
    public Uni<List<JointAssessment>> lockOverdue(java.time.OffsetDateTime now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                "select * from joint_assessment a where a.status <> 'COMPLETED' and a.deadline < :now and exists "
                        + "(select 1 from joint_assessment_invitation i where i.assessment_id = a.id "
                        + "and i.status = 'REQUESTED') "
                        + "order by a.deadline limit :limit for update of a skip locked", JointAssessment.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The client's assessments that the organisation requested or was invited to, newest first. */
    public Uni<List<JointAssessment>> findForClient(String clientId, String organisation) {
        return list("from JointAssessment a where a.clientId = :client and (a.requestingOrganisation = :org or exists "
                + "(select 1 from JointAssessmentInvitation i where i.assessmentId = a.id and i.organisation = :org)) "
                + "order by a.requestedAt desc", Parameters.with("client", clientId).and("org", organisation));
    }
}
