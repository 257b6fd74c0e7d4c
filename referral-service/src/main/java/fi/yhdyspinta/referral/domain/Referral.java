package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;

/** A referral (lähete; FHIR ServiceRequest with its Task) from one organisation to another. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Column(name = "need_id")
    public UUID needId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "client_hetu", nullable = false)
    public String clientHetu;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "sender_organisation", nullable = false)
    public String senderOrganisation;

    @Column(name = "receiver_organisation", nullable = false)
    public String receiverOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    /** The consent decision the disclosure rests on (AsL 16–17 §). */
    @Column(name = "consent_decision_id")
    public UUID consentDecisionId;

    /** The consent behind that decision, if the basis was consent: its revocation suspends the referral. */
    @Column(name = "consent_id")
    public UUID consentId;

    /** The basis of that decision: CONSENT or the statutory basis ({@link fi.yhdyspinta.events.code.LegalBasis}). */
    @Column(name = "legal_basis")
    public String legalBasis;

    /** Why the data is disclosed (käyttötarkoitus): the need's purpose, then the permit's. */
    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    /**
     * Comma-separated {@link DataCategory} codes the permit allows the receiver to see; {@code null} as
     * long as the referral never had a permit — then the receiver does not see it at all.
     */
    @Column(name = "permitted_data_categories")
    public String permittedDataCategories;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_status", nullable = false)
    public ConsentStatus consentStatus = ConsentStatus.AWAITING;

    /** Why the last decision denied the disclosure, for the sender; cleared by a later permit. */
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_denial_reason")
    public DenialReason consentDenialReason;

    @Enumerated(EnumType.STRING)
    public ReferralOutcome outcome;

    /** Feedback to the sender (closed loop). Free text: stays in this database, never on an event. */
    public String feedback;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    @Column(name = "suggested_recipient")
    public String suggestedRecipient;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The answer deadline, by urgency (yhdyspinta.referrals.deadline.*): set when the referral is SENT. */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** When the deadline watch found the referral unanswered past {@link #dueAt}: escalated once. */
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    /** The referral this one continues (a forward by the receiver, or a re-route by the sender). */
    @Column(name = "forwarded_from")
    public UUID forwardedFrom;

    /** The referral that continues this one (it was FORWARDED, or re-routed after EXPIRED or DECLINED). */
    @Column(name = "forwarded_to")
    public UUID forwardedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "forward_reason")
    public ForwardReason forwardReason;

    @Version
    public long version;

    /** Whether a consent decision ever permitted disclosing this referral to its receiver. */
    public boolean everPermitted() {
        return permittedDataCategories != null;
    }

    /** The permitted data categories; empty if none or never permitted. */
    public Set<DataCategory> permittedDataCategorySet() {
        return DataCategories.parse(permittedDataCategories);
    }
}
