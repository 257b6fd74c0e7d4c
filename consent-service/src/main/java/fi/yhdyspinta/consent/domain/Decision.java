package fi.yhdyspinta.consent.domain;

import java.time.LocalDate;
import java.util.UUID;

import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;

/**
 * What {@link DisclosureRules} decided: the outcome, the basis of a permit (with the consent and its
 * validity when the basis is consent) or the reason of a denial, and the rule that settled it.
 */
public record Decision(DecisionOutcome outcome, LegalBasis basis, DenialReason reason, UUID consentId,
        LocalDate validUntil, String rule) {

    static final String UNREGISTERED_PARTY =
            "the discloser or the recipient is not an active organisation of the registry: fail closed";

    static Decision permit(Consent consent) {
        return new Decision(DecisionOutcome.PERMIT, LegalBasis.CONSENT, null, consent.id, consent.validUntil,
                "AsL 16-17 §: the client's consent covers the disclosure");
    }

    static Decision permitStatutory(LegalBasis basis, String rule) {
        return new Decision(DecisionOutcome.PERMIT_STATUTORY, basis, null, null, null, rule);
    }

    static Decision deny(DenialReason reason, String rule) {
        return new Decision(DecisionOutcome.DENY, null, reason, null, null, rule);
    }

    public boolean permits() {
        return outcome.permits();
    }

    /**
     * A denial that the client can still turn by answering (no valid consent yet, or only a revoked
     * one): the need waits for the client's answer. Not so when a party is unknown to the registry.
     */
    public boolean awaitsTheClient() {
        return outcome == DecisionOutcome.DENY
                && (reason == DenialReason.NO_VALID_CONSENT || reason == DenialReason.REVOKED)
                && !UNREGISTERED_PARTY.equals(rule);
    }
}
