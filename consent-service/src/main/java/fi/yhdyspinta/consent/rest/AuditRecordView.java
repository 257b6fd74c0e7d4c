package fi.yhdyspinta.consent.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * One audit record of an act of the caller's own organisation on a client's data, as its unit lead sees it: with the
 * account id of who acted ({@code actorSub}), the service and chain position that hold it, and the correlation id.
 */
public record AuditRecordView(UUID id, OffsetDateTime at, String service, long position, String actorSub,
        String actorOrganisation, String actorRole, AuditAction action, AuditResource resourceType, String resourceId,
        String clientId, Purpose purpose, LegalBasis legalBasis, boolean statutory, AuditOutcome outcome,
        Integer refusalStatus, String correlationId) {
}
