package fi.yhdyspinta.careplan.consent;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of consent-service's decision: the outcome and the consent it rests on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionAnswer(UUID id, String outcome, String basis, String reason, UUID consentId,
        String recipientOrganisation) {

    /** PERMIT (on consent) or PERMIT_STATUTORY; DENY and anything unknown do not permit (fail closed). */
    public boolean permits() {
        return "PERMIT".equals(outcome) || "PERMIT_STATUTORY".equals(outcome);
    }
}
