package fi.yhdyspinta.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An audit record as stored: its content (every column the canonical form covers) and, once sealed, its
 * chain position, the previous record's hash and its own hash ({@code null} while unsealed).
 */
public record ChainRecord(UUID id, Long position, OffsetDateTime recordedAt, String actorSub, String actorOrg,
        String actorRole, String action, String resourceType, String resourceId, String clientId, String purpose,
        String legalBasis, String outcome, Integer refusalStatus, String correlationId, byte[] prevHash,
        byte[] hash) {

    /** The record sealed at {@code position} after a record whose hash is {@code prevHash}. */
    public ChainRecord sealedAt(long position, byte[] prevHash) {
        ChainRecord placed = new ChainRecord(id, position, recordedAt, actorSub, actorOrg, actorRole, action,
                resourceType, resourceId, clientId, purpose, legalBasis, outcome, refusalStatus, correlationId,
                prevHash, null);
        byte[] hash = AuditCanonicalForm.hash(placed, prevHash);
        return new ChainRecord(id, position, recordedAt, actorSub, actorOrg, actorRole, action, resourceType,
                resourceId, clientId, purpose, legalBasis, outcome, refusalStatus, correlationId, prevHash, hash);
    }
}
