package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fi.yhdyspinta.events.code.DeclineReason;
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
        UUID referralId,
        UUID needId,
        UUID assessmentId,
        String clientId,
        String counterpartOrganisation,
        ReferralStatus referralStatus,
        DeclineReason reasonCode,
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
