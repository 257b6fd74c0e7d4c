package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.Sector;

/**
 * This service's replica of one organisation of the registry (organisaatiorekisteri), kept by
 * {@code organisation-changed}. consent-service owns the registry; here it answers which sector an
 * organisation is in and whether it may take part at all.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public String oid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    /** Statistics Finland municipality code. */
    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public boolean active;

    /** The registry's version of this organisation: an older one arriving late is ignored. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
