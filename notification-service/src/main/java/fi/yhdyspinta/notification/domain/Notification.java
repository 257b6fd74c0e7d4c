package fi.yhdyspinta.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;

/**
 * An item in an organisation's professional inbox (ilmoitus): every professional of the organisation
 * sees it. Made from one domain event; carries ids, codes and states only — the pseudonymous client
 * id, never the henkilötunnus, names or free text.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    /** The recipient organisation's OID. */
    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationType type;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "need_id")
    public UUID needId;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    /** The other party: the referral's sender or receiver, the inviting or invited organisation. */
    @Column(name = "counterpart_organisation")
    public String counterpartOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_status")
    public ReferralStatus referralStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public DeclineReason reasonCode;

    @Column(name = "suggested_recipient")
    public String suggestedRecipient;

    /** Why a consent decision denied the disclosure (CONSENT_DENIED). */
    @Enumerated(EnumType.STRING)
    @Column(name = "denial_reason")
    public DenialReason denialReason;

    /** The consent decision the item is about (CONSENT_DENIED). */
    @Column(name = "decision_id")
    public UUID decisionId;

    /** The joint client plan the item is about (RESPONSIBLE_WORKER_CHANGED, PLAN_SHARING_REVOKED, hints). */
    @Column(name = "plan_id")
    public UUID planId;

    /** The coordination hint's code (COORDINATION_HINT). */
    @Enumerated(EnumType.STRING)
    public fi.yhdyspinta.events.code.CoordinationHint hint;

    @Enumerated(EnumType.STRING)
    public ReferralOutcome outcome;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_status")
    public JointAssessmentStatus assessmentStatus;

    public OffsetDateTime deadline;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "source_event_type", nullable = false)
    public String sourceEventType;

    /** The event chain this item belongs to, carried on to the delivery events. */
    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Version
    public long version;

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
