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
import fi.yhdyspinta.referral.domain.ForwardReason;

/**
 * A referral as its sender or receiver may see it ({@code ReferralDisclosure}): fields the caller may
 * not see are null, and {@code redacted} names the client data categories withheld from it.
 * {@code allowedTransitions} lists what may come next; {@code consentStatus} and
 * {@code consentDenialReason} are for the sender. {@code dueAt} is the answer deadline (set when SENT),
 * {@code overdueAt} when it was found passed; {@code forwardedFrom}/{@code forwardedTo} link a forward or a
 * re-route to the referral it continues / that continues it, {@code forwardReason} why it was forwarded.
 */
public record ReferralView(UUID id, UUID needId, String client, String clientId, NeedCategory category,
        Urgency urgency, String senderOrganisation, String receiverOrganisation, ReferralStatus status,
        UUID consentDecisionId, String legalBasis, ReferralOutcome outcome, String feedback,
        DeclineReason declineReason, String suggestedRecipient, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        Set<ReferralStatus> allowedTransitions, ConsentStatus consentStatus, DenialReason consentDenialReason,
        List<DataCategory> permittedDataCategories, List<DataCategory> redacted, OffsetDateTime dueAt,
        OffsetDateTime overdueAt, UUID forwardedFrom, UUID forwardedTo, ForwardReason forwardReason, long version) {
}
