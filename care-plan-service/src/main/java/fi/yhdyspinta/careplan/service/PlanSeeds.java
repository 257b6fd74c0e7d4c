package fi.yhdyspinta.careplan.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.JointAssessmentState;
import fi.yhdyspinta.careplan.repository.JointAssessmentInvitationRepository;
import fi.yhdyspinta.careplan.repository.JointAssessmentRepository;
import fi.yhdyspinta.careplan.rest.PlanGoalInput;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A completed joint assessment seeds a plan (SHL 41 § → 39 §): the requester and its contributing organisations take part and the needs of its
 * coded summary become the plan's first goals.
 */
@ApplicationScoped
public class PlanSeeds {

    /** What a plan starts from: nothing, or a completed joint assessment. */
    public record Seed(UUID assessmentId, Set<String> organisations, List<PlanGoalInput> goals) {
        static final Seed NONE = new Seed(null, Set.of(), List.of());
    }

    private final JointAssessmentRepository assessments;
    private final JointAssessmentInvitationRepository invitations;

    public PlanSeeds(JointAssessmentRepository assessments, JointAssessmentInvitationRepository invitations) {
        this.assessments = assessments;
        this.invitations = invitations;
    }

    public Uni<Seed> seed(UUID assessmentId, ClientId clientId, String organisation) {
        if (assessmentId == null) {
            return Uni.createFrom().item(Seed.NONE);
        }
        return Panache.withSession(() -> assessments.findById(assessmentId).chain(found -> found == null
                ? Uni.createFrom().<JointAssessmentState>nullItem()
                : invitations.ofAssessment(assessmentId).map(rows -> new JointAssessmentState(found, rows)))
                .map(state -> {
            JointAssessment assessment = state == null ? null : state.assessment();
            if (state == null || !state.involves(organisation)) {
                throw ProblemException.invalidField("fromJointAssessment",
                        "names no joint assessment of the caller's organisation");
            }
            if (!assessment.clientId.equals(clientId.value())) {
                throw ProblemException.invalidField("fromJointAssessment", "is an assessment of another client");
            }
            if (assessment.status != JointAssessmentStatus.COMPLETED) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "only a completed joint assessment seeds a plan; this one is " + assessment.status);
            }
            return new Seed(assessment.id, organisationsOf(state), goalsOf(assessment));
        }));
    }

    /** The requester and every contributing organisation (those that acknowledged; an overdue one took no part). */
    private static Set<String> organisationsOf(JointAssessmentState state) {
        Set<String> organisations = new LinkedHashSet<>();
        organisations.add(state.assessment().requestingOrganisation);
        organisations.addAll(state.contributingOrganisations());
        return organisations;
    }

    /** One goal per need of the coded summary; the wording is the professionals' to change in the next version. */
    private static List<PlanGoalInput> goalsOf(JointAssessment assessment) {
        return assessment.needs().stream()
                .map(need -> new PlanGoalInput(need, "Yhteisessä arvioinnissa todettu tarve: " + need, null))
                .toList();
    }
}
