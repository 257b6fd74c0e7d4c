package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.DecisionOutcome;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/** A consent decision as the requesting organisation sees it. */
public record DecisionView(UUID id, DecisionOutcome outcome, LegalBasis basis, DenialReason reason, UUID consentId,
        UUID needId, String clientId, String requestingOrganisation, String recipientOrganisation, Purpose purpose,
        Set<DataCategory> dataCategories, String justification, OffsetDateTime decidedAt) {
}
