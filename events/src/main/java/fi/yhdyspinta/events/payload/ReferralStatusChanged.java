package fi.yhdyspinta.events.payload;

/**
 * A referral (FHIR ServiceRequest + Task) moved to a new status. One payload for every
 * {@code referral-*} event; the event type says which step happened.
 */
public record ReferralStatusChanged(
        String referralId,
        String needId,
        String clientId,
        String senderOrganisation,
        String receiverOrganisation,
        String category,
        String status,
        String previousStatus,
        String consentDecisionId,
        String outcome,
        String reasonCode,
        String suggestedRecipient) {
}
