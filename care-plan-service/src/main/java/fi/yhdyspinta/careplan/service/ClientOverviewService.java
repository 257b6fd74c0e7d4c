package fi.yhdyspinta.careplan.service;

import fi.yhdyspinta.careplan.domain.JointAssessmentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.CarePlan;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import fi.yhdyspinta.careplan.mapping.CarePlanMapper;
import fi.yhdyspinta.careplan.repository.CarePlanRepository;
import fi.yhdyspinta.careplan.repository.ClientReferralRepository;
import fi.yhdyspinta.careplan.repository.JointAssessmentInvitationRepository;
import fi.yhdyspinta.careplan.repository.JointAssessmentRepository;
import fi.yhdyspinta.careplan.repository.PlanParticipantRepository;
import fi.yhdyspinta.careplan.rest.ClientOverview;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The client overview (asiakkaan kokonaistilanne) for one organisation: only what it is party to
 * (DESIGN §7) — referrals it sent or received, joint assessments it requested or was invited to, plans it takes
 * part in — and the coordination hints that hold and concern it.
 */
@ApplicationScoped
public class ClientOverviewService {

    private final ClientReferralRepository referrals;
    private final JointAssessmentRepository assessments;
    private final JointAssessmentInvitationRepository invitations;
    private final CarePlanRepository plans;
    private final PlanParticipantRepository participants;
    private final HintService hints;
    private final CarePlanAudit audit;

    public ClientOverviewService(ClientReferralRepository referrals, JointAssessmentRepository assessments,
            JointAssessmentInvitationRepository invitations, CarePlanRepository plans,
            PlanParticipantRepository participants, HintService hints, CarePlanAudit audit) {
        this.invitations = invitations;
        this.audit = audit;
        this.referrals = referrals;
        this.assessments = assessments;
        this.plans = plans;
        this.participants = participants;
        this.hints = hints;
    }

    /**
     * A read of the client's data, in a transaction with its audit record (one READ of the client's overview). An
     * overview that shows nothing — the organisation is party to nothing of the client — discloses no client data
     * and records nothing, as an empty list does.
     */
    @WithTransaction
    public Uni<ClientOverview> overview(String clientId, Caller caller, String correlationId) {
        if (!ClientId.isWellFormed(clientId)) {
            throw ProblemException.invalidField("clientId",
                    "must be a pseudonymous client id: 64 lower-case hexadecimal characters");
        }
        String organisation = caller.requireOrganisation();
        return referrals.findForClient(clientId, organisation)
                .chain(referralList -> assessmentsOf(clientId, organisation)
                        .chain(assessmentList -> plansOf(clientId, organisation)
                                .chain(planList -> hintsFor(clientId, organisation)
                                        .map(hintList -> CarePlanMapper.toOverview(clientId, referralList,
                                                assessmentList, planList, hintList)))))
                .call(overview -> showsAnything(overview) ? audit.overviewRead(caller, clientId, correlationId)
                        : Uni.createFrom().voidItem());
    }

    /** The client's assessments the organisation requested or was invited to, each with its invitations. */
    private Uni<List<JointAssessmentState>> assessmentsOf(String clientId, String organisation) {
        return assessments.findForClient(clientId, organisation).chain(list -> invitations
                .ofAssessments(list.stream().map(a -> a.id).toList())
                .map(rows -> list.stream().map(a -> new JointAssessmentState(a,
                        rows.stream().filter(i -> i.assessmentId.equals(a.id)).toList())).toList()));
    }

    private static boolean showsAnything(ClientOverview overview) {
        return !overview.referrals().isEmpty() || !overview.jointAssessments().isEmpty()
                || !overview.plans().isEmpty() || !overview.hints().isEmpty();
    }

    private Uni<List<ClientOverview.Plan>> plansOf(String clientId, String organisation) {
        return plans.findByClient(clientId).chain(planList -> participants
                .ofPlans(planList.stream().map(p -> p.id).toList()).map(rows -> {
                    Map<UUID, CarePlan> byId = planList.stream()
                            .collect(Collectors.toMap(p -> p.id, Function.identity()));
                    List<ClientOverview.Plan> result = new ArrayList<>();
                    for (PlanParticipant row : rows) {
                        if (!row.organisation.equals(organisation)) {
                            continue;
                        }
                        CarePlan plan = byId.get(row.planId);
                        result.add(row.status == PlanSharing.ACTIVE
                                ? new ClientOverview.Plan(plan.id, row.status, plan.planVersion, plan.reviewDate,
                                        plan.responsibleOrganisation)
                                : new ClientOverview.Plan(plan.id, row.status, null, null, null));
                    }
                    return result;
                }));
    }

    private Uni<List<ClientOverview.Hint>> hintsFor(String clientId, String organisation) {
        return hints.evaluate(clientId).map(list -> list.stream()
                .filter(visible -> visible.visibleTo().contains(organisation))
                .map(visible -> new ClientOverview.Hint(visible.hint().hint(), visible.hint().ruleId(),
                        visible.hint().planId(), visible.hint().thresholds()))
                .toList());
    }
}
