package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * A sealed audit record of one service (DESIGN §8): its place in the service's hash chain ({@code position},
 * {@code hash} hex), when, who (token subject, organisation OID, role), what (action, resource type and id),
 * whose data (pseudonymous client id), why and on what basis, and how it ended. Codes and ids only: no
 * henkilötunnus, no names, no free text. The CloudEvent id is the record id, the key and subject the client id.
 */
public record AuditRecorded(
        String service,
        long position,
        String hash,
        OffsetDateTime recordedAt,
        String actorSub,
        String actorOrg,
        String actorRole,
        String action,
        String resourceType,
        String resourceId,
        String clientId,
        String purpose,
        String legalBasis,
        String outcome,
        Integer refusalStatus,
        String correlationId) {
}
