package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.notification.domain.NotificationType;

/**
 * An inbox item as the organisation's professionals see it: ids and codes; the client only by the
 * pseudonymous {@code clientId} (the record system resolves it). Absent fields do not apply to the type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        UUID id,
        NotificationType type,
        String organisation,
        @Schema(description = "unit-lead for an escalation addressed to the organisation's unit lead (yksikön "
                + "esihenkilö); absent for items for every professional of the organisation") String audience,
        UUID referralId,
        UUID needId,
        UUID assessmentId,
        @Schema(description = "The joint client plan the item is about") UUID planId,
        @Schema(description = "The coordination hint (COORDINATION_HINT): COORDINATED_PLAN_SUGGESTED, "
                + "RESPONSIBLE_WORKER_MISSING or PLAN_REVIEW_OVERDUE") String hint,
        String clientId,
        String counterpartOrganisation,
        ReferralStatus referralStatus,
        @Schema(description = "Why: for REFERRAL_DECLINED the decline reason (DeclineReason), for CONSENT_DENIED "
                + "the denial reason (REFUSED, PROHIBITION, NO_VALID_CONSENT, REVOKED)")
        String reasonCode,
        @Schema(description = "The consent decision the item is about (CONSENT_DENIED)")
        UUID decisionId,
        String suggestedRecipient,
        ReferralOutcome outcome,
        Purpose purpose,
        JointAssessmentStatus assessmentStatus,
        OffsetDateTime deadline,
        UUID sourceEventId,
        String sourceEventType,
        OffsetDateTime createdAt,
        boolean acknowledged,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy) {
}
