package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;

/**
 * A need identified by a professional (THL 50 a §, SHL 35 §, SHL 40 §) — palvelutarve. Contacting
 * the other sector waits for a consent decision; the need's referral carries it on.
 */
@Entity
@Table(name = "need")
public class Need {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The client's henkilötunnus: kept here for the receiving professional, never logged or sent on events. */
    @Column(name = "client_hetu", nullable = false)
    public String clientHetu;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedCategory category;

    @Column(name = "source_organisation", nullable = false)
    public String sourceOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_sector", nullable = false)
    public Sector sourceSector;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_sector", nullable = false)
    public Sector targetSector;

    @Column(name = "target_organisation", nullable = false)
    public String targetOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    /** Comma-separated {@link DataCategory} codes. */
    @Column(name = "data_categories", nullable = false)
    public String dataCategories;

    @Column(name = "identified_by", nullable = false)
    public String identifiedBy;

    @Column(name = "identified_at", nullable = false)
    public OffsetDateTime identifiedAt;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    public List<DataCategory> dataCategoryList() {
        return java.util.Arrays.stream(dataCategories.split(",")).map(DataCategory::valueOf).toList();
    }
}
