package fi.yhdyspinta.careplan.service;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.mapping.CarePlanMapper;
import fi.yhdyspinta.careplan.repository.ClientReferralRepository;
import fi.yhdyspinta.careplan.repository.JointAssessmentRepository;
import fi.yhdyspinta.careplan.rest.ClientOverview;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The client overview (asiakkaan kokonaistilanne) for one organisation: only what it is party to
 * (DESIGN §7) — referrals it sent or received and joint assessments it requested or was invited to.
 */
@ApplicationScoped
public class ClientOverviewService {

    private final ClientReferralRepository referrals;
    private final JointAssessmentRepository assessments;

    public ClientOverviewService(ClientReferralRepository referrals, JointAssessmentRepository assessments) {
        this.referrals = referrals;
        this.assessments = assessments;
    }

    @WithSession
    public Uni<ClientOverview> overview(String clientId, Caller caller) {
        if (!ClientId.isWellFormed(clientId)) {
            throw ProblemException.invalidField("clientId",
                    "must be a pseudonymous client id: 64 lower-case hexadecimal characters");
        }
        String organisation = caller.requireOrganisation();
        return referrals.findForClient(clientId, organisation)
                .chain(referralList -> assessments.findForClient(clientId, organisation)
                        .map(assessmentList -> CarePlanMapper.toOverview(clientId, referralList, assessmentList)));
    }
}
