package fi.yhdyspinta.referral.mapping;

import fi.yhdyspinta.referral.domain.Need;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.ReferralLifecycle;
import fi.yhdyspinta.referral.rest.NeedView;
import fi.yhdyspinta.referral.rest.ReferralView;

/** Entities never leave through the API: these are the views. */
public final class ReferralMapper {

    private ReferralMapper() {
    }

    public static ReferralView toView(Referral r) {
        return new ReferralView(r.id, r.needId, r.clientHetu, r.clientId, r.category, r.urgency,
                r.senderOrganisation, r.receiverOrganisation, r.status, r.consentDecisionId, r.legalBasis, r.outcome,
                r.feedback, r.declineReason, r.suggestedRecipient, r.createdAt, r.updatedAt,
                ReferralLifecycle.allowedAfter(r.status));
    }

    public static NeedView toView(Need n) {
        return new NeedView(n.id, n.clientHetu, n.clientId, n.category, n.sourceOrganisation, n.targetSector,
                n.targetOrganisation, n.urgency, n.purpose, n.dataCategoryList(), n.referralId, n.identifiedAt);
    }
}
