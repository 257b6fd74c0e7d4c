package fi.yhdyspinta.consent.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;

/**
 * One consent decision in the disclosure log (luovutusloki): who asked to disclose what to whom for
 * which purpose, and on what it was permitted or why it was denied. Rows are only ever inserted.
 * The client sees them as the access log.
 */
@Entity
@Table(name = "consent_decision")
public class ConsentDecision {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The need the decision was made for, if any. */
    @Column(name = "need_id")
    public UUID needId;

    /** The organisation that asked for the decision (for a need: the one that identified it). */
    @Column(name = "requesting_organisation", nullable = false)
    public String requestingOrganisation;

    /** The professional's sub, or {@code event} when a need-identified event asked. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "recipient_organisation", nullable = false)
    public String recipientOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "data_categories", nullable = false)
    public String dataCategories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionOutcome outcome;

    @Enumerated(EnumType.STRING)
    public LegalBasis basis;

    @Enumerated(EnumType.STRING)
    public DenialReason reason;

    @Column(name = "consent_id")
    public UUID consentId;

    /** Why a statutory basis applies. Free text: stays in this database, never on an event. */
    public String justification;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    public Set<DataCategory> dataCategorySet() {
        return Codes.dataCategories(dataCategories);
    }
}
