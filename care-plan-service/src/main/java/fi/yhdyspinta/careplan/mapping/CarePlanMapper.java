package fi.yhdyspinta.careplan.mapping;

import java.util.List;

import fi.yhdyspinta.careplan.domain.ClientReferral;
import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.JointAssessmentLifecycle;
import fi.yhdyspinta.careplan.rest.ClientOverview;
import fi.yhdyspinta.careplan.rest.JointAssessmentView;

/** Entities never leave through the API: these are the views. */
public final class CarePlanMapper {

    private CarePlanMapper() {
    }

    public static JointAssessmentView toView(JointAssessment a) {
        return new JointAssessmentView(a.id, a.clientId, a.requestingOrganisation, a.invitedOrganisation, a.status,
                a.deadline, a.participant, a.scheduledAt, a.requestedAt, a.acknowledgedAt, a.overdueAt,
                a.completedAt, JointAssessmentLifecycle.allowedAfter(a.status), a.needs(), a.agreedNextSteps());
    }

    public static ClientOverview toOverview(String clientId, List<ClientReferral> referrals,
            List<JointAssessment> assessments, List<ClientOverview.Plan> plans, List<ClientOverview.Hint> hints) {
        return new ClientOverview(clientId,
                referrals.stream().map(r -> new ClientOverview.Referral(r.referralId, r.senderOrganisation,
                        r.receiverOrganisation, r.category, r.status, r.updatedAt)).toList(),
                assessments.stream().map(a -> new ClientOverview.JointAssessment(a.id, a.requestingOrganisation,
                        a.invitedOrganisation, a.status, a.deadline, a.scheduledAt)).toList(),
                plans, hints);
    }
}
