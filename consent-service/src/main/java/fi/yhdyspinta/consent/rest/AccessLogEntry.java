package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.consent.domain.DecisionOutcome;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * One line of the client's access log: when ({@code at}), who (an organisation and a role — never a person), what
 * ({@code action} on {@code resourceType}), why ({@code purpose}), on what basis ({@code legalBasis};
 * {@code statutory} marks a disclosure without consent: SHL 35 §, AsL 20 §, LSL 25 §) and how it ended
 * ({@code outcome}, with the refusal's HTTP status). A consent decision names whom the data were to be given
 * ({@code disclosure}).
 */
public record AccessLogEntry(UUID id, OffsetDateTime at, Actor who, AuditAction action, AuditResource resourceType,
        String resourceId, Purpose purpose, LegalBasis legalBasis, boolean statutory, AuditOutcome outcome,
        Integer refusalStatus, String service, Disclosure disclosure) {

    /** Who acted: the organisation (OID and its name in the registry; none when the client acted) and the role. */
    public record Actor(String organisation, String organisationName, String role) {
    }

    /** What a consent decision decided: to give which data to whom, and the decision (a denial's reason). */
    public record Disclosure(String recipientOrganisation, String recipientOrganisationName, DecisionOutcome decision,
            Set<DataCategory> dataCategories, DenialReason reason, UUID needId) {
    }
}
