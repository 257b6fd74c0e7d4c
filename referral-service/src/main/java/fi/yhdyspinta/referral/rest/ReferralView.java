package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;

/** A referral as its sender and receiver see it. {@code allowedTransitions} lists what may come next. */
public record ReferralView(UUID id, UUID needId, String client, String clientId, NeedCategory category,
        Urgency urgency, String senderOrganisation, String receiverOrganisation, ReferralStatus status,
        UUID consentDecisionId, String legalBasis, ReferralOutcome outcome, String feedback,
        DeclineReason declineReason, String suggestedRecipient, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        Set<ReferralStatus> allowedTransitions) {
}
