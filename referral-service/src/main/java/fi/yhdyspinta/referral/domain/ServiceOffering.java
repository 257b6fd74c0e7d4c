package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.Sector;

/**
 * One offering of the service directory (palveluhakemisto): a service or activity an organisation provides,
 * which need categories it serves, where, in which languages and whether it has room now. Never client data.
 */
@Entity
@Table(name = "service_offering")
public class ServiceOffering {

    @Id
    public UUID id;

    @Column(name = "organisation_oid", nullable = false)
    public String organisationOid;

    /** From the organisation registry, never from a request. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(nullable = false)
    public String name;

    /** {@link fi.yhdyspinta.events.code.NeedCategory} codes, comma-separated. */
    @Column(nullable = false)
    public String categories;

    @Column(nullable = false)
    public String municipality;

    /** {@link ServiceLanguage} codes, comma-separated. */
    @Column(nullable = false)
    public String languages;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Capacity capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "wait_band")
    public WaitBand waitBand;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
