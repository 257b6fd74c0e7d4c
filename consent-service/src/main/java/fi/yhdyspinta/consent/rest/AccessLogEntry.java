package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.DecisionOutcome;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * One line of the client's access log: which organisation asked to give which of the client's data
 * to whom, for what, and what was decided on which basis. {@code statutory} marks a disclosure made
 * without consent (SHL 35 §, LSL 25 §, AsL 20 §).
 */
public record AccessLogEntry(UUID decisionId, OffsetDateTime decidedAt, String requestingOrganisation,
        String recipientOrganisation, Purpose purpose, Set<DataCategory> dataCategories, DecisionOutcome outcome,
        LegalBasis basis, boolean statutory, DenialReason reason, UUID needId) {
}
