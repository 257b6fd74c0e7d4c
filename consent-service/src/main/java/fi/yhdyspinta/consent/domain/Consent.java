package fi.yhdyspinta.consent.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import fi.yhdyspinta.events.code.Purpose;

/**
 * The client's answer to a request for consent (suostumus, AsL 16–17 §): for one purpose, to named
 * recipient organisations, for named data categories, until a date. A refusal is recorded too, so
 * that it is honoured. Only the pseudonymous client id is kept, never the henkilötunnus.
 */
@Entity
@Table(name = "consent")
public class Consent {

    /** {@code recorded_by} of an answer the client gave themself (POST /me/consents). */
    public static final String BY_CLIENT = "client";

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    /** Comma-separated organisation OIDs. */
    @Column(nullable = false)
    public String recipients;

    /** Comma-separated {@link DataCategory} codes. */
    @Column(name = "data_categories", nullable = false)
    public String dataCategories;

    /** Valid through the end of this day (county time). */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentForm form;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    /** A professional's sub, or {@value #BY_CLIENT} when the client recorded the answer themself. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The discloser that recorded the client's answer; null when the client recorded it themself. */
    @Column(name = "recorded_by_organisation")
    public String recordedByOrganisation;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** Who revoked: a professional's sub or {@code client}. */
    @Column(name = "revoked_by")
    public String revokedBy;

    @Version
    public long version;

    public List<String> recipientList() {
        return Codes.split(recipients);
    }

    public Set<DataCategory> dataCategorySet() {
        return Codes.dataCategories(dataCategories);
    }

    /** The answer concerns this recipient and purpose (whatever its status, data or validity). */
    public boolean names(String recipientOrganisation, Purpose requestedPurpose) {
        return purpose == requestedPurpose && recipientList().contains(recipientOrganisation);
    }

    /** Every requested data category is within the consent. */
    public boolean includesData(Set<DataCategory> requested) {
        return dataCategorySet().containsAll(requested);
    }

    /** Valid on {@code day}: through the end of {@code validUntil}. */
    public boolean validOn(LocalDate day) {
        return !day.isAfter(validUntil);
    }

    /** The client recorded this answer themself, not a professional on the client's word. */
    public boolean recordedByClient() {
        return recordedByOrganisation == null;
    }

    /**
     * Whether this answer speaks for a disclosure by {@code discloser}: the client's answer is given to
     * the organisation that asked and recorded it (the discloser), or, recorded by the client
     * themself, to every discloser. Another organisation's record of an answer does not release (or
     * block) this discloser's disclosure.
     */
    public boolean answersFor(String discloser) {
        return recordedByClient() || recordedByOrganisation.equals(discloser);
    }

    /** Whether the organisation may see this consent: it recorded it or is named in it. */
    public boolean visibleTo(String organisation) {
        return organisation.equals(recordedByOrganisation) || recipientList().contains(organisation);
    }
}
