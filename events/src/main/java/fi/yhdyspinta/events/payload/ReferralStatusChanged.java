package fi.yhdyspinta.events.payload;

/**
 * A referral (FHIR ServiceRequest + Task) moved to a new status. One payload for every
 * {@code referral-*} event; the event type says which step happened. {@code aggregateVersion} is the
 * referral's version after the change (strictly increasing per referral): a consumer that keeps the
 * referral's state ignores an event that is not newer than what it holds (a re-driven or late one).
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
        String suggestedRecipient,
        Long aggregateVersion) {

    /** A change without a version (a producer that does not know it): consumers fall back to the event time. */
    public ReferralStatusChanged(String referralId, String needId, String clientId, String senderOrganisation,
            String receiverOrganisation, String category, String status, String previousStatus,
            String consentDecisionId, String outcome, String reasonCode, String suggestedRecipient) {
        this(referralId, needId, clientId, senderOrganisation, receiverOrganisation, category, status,
                previousStatus, consentDecisionId, outcome, reasonCode, suggestedRecipient, null);
    }

    /** The same change announced as the given version of the referral. */
    public ReferralStatusChanged withVersion(long version) {
        return new ReferralStatusChanged(referralId, needId, clientId, senderOrganisation, receiverOrganisation,
                category, status, previousStatus, consentDecisionId, outcome, reasonCode, suggestedRecipient, version);
    }
}
