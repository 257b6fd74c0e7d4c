package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralStatus;

/**
 * {@code GET /clients/{clientId}/overview}: what the caller's organisation is party to about the
 * client — referrals it sent or received, joint assessments it requested or was invited to.
 */
public record ClientOverview(String clientId, List<Referral> referrals, List<JointAssessment> jointAssessments) {

    public record Referral(UUID referralId, String senderOrganisation, String receiverOrganisation,
            NeedCategory category, ReferralStatus status, OffsetDateTime updatedAt) {
    }

    public record JointAssessment(UUID id, String requestingOrganisation, String invitedOrganisation,
            JointAssessmentStatus status, OffsetDateTime deadline, OffsetDateTime scheduledAt) {
    }
}
