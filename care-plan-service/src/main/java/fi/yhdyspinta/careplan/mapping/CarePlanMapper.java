package fi.yhdyspinta.careplan.mapping;

import java.util.List;

import fi.yhdyspinta.careplan.domain.ClientReferral;
import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.JointAssessmentInvitation;
import fi.yhdyspinta.careplan.domain.JointAssessmentState;
import fi.yhdyspinta.careplan.rest.ClientOverview;
import fi.yhdyspinta.careplan.rest.JointAssessmentView;

/** Entities never leave through the API: these are the views. */
public final class CarePlanMapper {

    private CarePlanMapper() {
    }

    public static JointAssessmentView toView(JointAssessmentState state) {
        JointAssessment a = state.assessment();
        JointAssessmentInvitation first = state.first();
        return new JointAssessmentView(a.id, a.clientId, a.requestingOrganisation, first.organisation, a.status,
                a.deadline, first.participant, first.scheduledAt, a.requestedAt, first.acknowledgedAt,
                first.overdueAt, a.completedAt, state.allowedTransitions(), a.needs(), a.agreedNextSteps(),
                state.invitedOrganisations(), state.invitations().stream()
                        .map(i -> new JointAssessmentView.Invitation(i.organisation, i.status, i.participant,
                                i.scheduledAt, i.acknowledgedAt, i.overdueAt))
                        .toList());
    }

    public static ClientOverview toOverview(String clientId, List<ClientReferral> referrals,
            List<JointAssessmentState> assessments, List<ClientOverview.Plan> plans, List<ClientOverview.Hint> hints) {
        return new ClientOverview(clientId,
                referrals.stream().map(r -> new ClientOverview.Referral(r.referralId, r.senderOrganisation,
                        r.receiverOrganisation, r.category, r.status, r.updatedAt)).toList(),
                assessments.stream().map(s -> new ClientOverview.JointAssessment(s.assessment().id,
                        s.assessment().requestingOrganisation, s.first().organisation, s.assessment().status,
                        s.assessment().deadline, s.firstScheduledAt(), s.invitedOrganisations())).toList(),
                plans, hints);
    }
}
