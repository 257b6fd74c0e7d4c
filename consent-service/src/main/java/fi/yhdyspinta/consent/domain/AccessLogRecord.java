package fi.yhdyspinta.consent.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * One sealed audit record of any service, as the client's access and disclosure log (lokitiedot, DESIGN §8) keeps
 * it: consumed from the {@code audit} topic, never written by a request. Codes and ids only.
 */
@Entity
@Table(name = "access_log_entry")
public class AccessLogRecord {

    /** The audit record's id (its CloudEvent id). */
    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public long position;

    /** The actor's account id: for the organisation's own view only, never shown to the client. */
    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Column(name = "actor_org")
    public String actorOrg;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type", nullable = false)
    public AuditResource resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;

    /** Disclosed on a statutory basis, without consent (SHL 35 §, AsL 20 §, LSL 25 §). */
    @Column(nullable = false)
    public boolean statutory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditOutcome outcome;

    @Column(name = "refusal_status")
    public Integer refusalStatus;

    @Column(name = "correlation_id", nullable = false)
    public String correlationId;

    /** Whether a legal basis is statutory: anything but the client's consent (and no basis at all). */
    public static boolean isStatutory(LegalBasis basis) {
        return basis != null && basis != LegalBasis.CONSENT;
    }
}
