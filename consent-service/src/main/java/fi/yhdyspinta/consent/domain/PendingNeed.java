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
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;

/**
 * A need (palvelutarve) that asked for a consent decision through {@code need-identified}. While it
 * is {@link PendingNeedStatus#PENDING} or {@link PendingNeedStatus#DENIED}, an answer recorded later
 * by its source organisation or the client for its recipient and purpose decides it again (closed
 * loop); a new prohibition may withdraw a {@link PendingNeedStatus#GRANTED} one. The sectors stored
 * are the registry's when the need arrived; decisions look them up in the registry each time.
 */
@Entity
@Table(name = "pending_need")
public class PendingNeed {

    @Id
    @Column(name = "need_id")
    public UUID needId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "source_organisation", nullable = false)
    public String sourceOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_sector", nullable = false)
    public Sector sourceSector;

    @Column(name = "target_organisation", nullable = false)
    public String targetOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_sector", nullable = false)
    public Sector targetSector;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "data_categories", nullable = false)
    public String dataCategories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PendingNeedStatus status;

    /** The decision that settled it. */
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "settled_at")
    public OffsetDateTime settledAt;

    @Version
    public long version;

    public Set<DataCategory> dataCategorySet() {
        return Codes.dataCategories(dataCategories);
    }

    /**
     * The disclosure the need asks for: from its source organisation (the discloser) to its target, on
     * consent, with the sectors the registry gives them now.
     */
    public DisclosureRequest disclosure(Sector registeredSourceSector, Sector registeredTargetSector) {
        return DisclosureRequest.onConsent(clientId, sourceOrganisation, registeredSourceSector, targetOrganisation,
                registeredTargetSector, purpose, dataCategorySet());
    }
}
