package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.referral.domain.ConsentStatus;

/**
 * A referral as its sender or receiver may see it ({@code ReferralDisclosure}): fields the caller may
 * not see are null, and {@code redacted} names the client data categories withheld from it.
 * {@code allowedTransitions} lists what may come next; {@code consentStatus} and
 * {@code consentDenialReason} are for the sender.
 */
public record ReferralView(UUID id, UUID needId, String client, String clientId, NeedCategory category,
        Urgency urgency, String senderOrganisation, String receiverOrganisation, ReferralStatus status,
        UUID consentDecisionId, String legalBasis, ReferralOutcome outcome, String feedback,
        DeclineReason declineReason, String suggestedRecipient, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        Set<ReferralStatus> allowedTransitions, ConsentStatus consentStatus, DenialReason consentDenialReason,
        List<DataCategory> permittedDataCategories, List<DataCategory> redacted) {
}
