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
public record ClientOverview(String clientId, List<Referral> referrals, List<JointAssessment> jointAssessments,
        List<Plan> plans, List<Hint> hints) {

    /** A plan the organisation takes part in; after its share was revoked or removed only the id and the sharing. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Plan(UUID id, fi.yhdyspinta.careplan.domain.PlanSharing sharing, Integer planVersion,
            java.time.LocalDate reviewDate, String responsibleOrganisation) {
    }

    /**
     * A coordination hint that holds now: the rule that made it ({@code ruleId}, configured under
     * {@code yhdyspinta.hints.<ruleId>.*}) and the thresholds it used; {@code planId} for a hint about a plan.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Hint(fi.yhdyspinta.events.code.CoordinationHint hint, String ruleId, UUID planId,
            fi.yhdyspinta.careplan.domain.CoordinationHints.Thresholds thresholds) {
    }

    public record Referral(UUID referralId, String senderOrganisation, String receiverOrganisation,
            NeedCategory category, ReferralStatus status, OffsetDateTime updatedAt) {
    }

    public record JointAssessment(UUID id, String requestingOrganisation, String invitedOrganisation,
            JointAssessmentStatus status, OffsetDateTime deadline, OffsetDateTime scheduledAt,
            java.util.List<String> invitedOrganisations) {
    }
}
