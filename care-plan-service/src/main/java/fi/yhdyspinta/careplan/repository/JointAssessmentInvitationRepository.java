package fi.yhdyspinta.careplan.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.JointAssessmentInvitation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JointAssessmentInvitationRepository implements PanacheRepositoryBase<JointAssessmentInvitation, UUID> {

    public Uni<List<JointAssessmentInvitation>> ofAssessment(UUID assessmentId) {
        return list("assessmentId", Sort.ascending("position"), assessmentId);
    }

    public Uni<List<JointAssessmentInvitation>> ofAssessments(Collection<UUID> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("assessmentId in :ids", Sort.ascending("position"), Parameters.with("ids", List.copyOf(assessmentIds)));
    }
}
