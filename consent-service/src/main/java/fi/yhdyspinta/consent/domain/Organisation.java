package fi.yhdyspinta.consent.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.Sector;

/**
 * An organisation of the registry (SOTE-organisaatiorekisteri as the county keeps it): OID, name,
 * sector, municipality and whether it is active. Sectors of disclosers and recipients come from here,
 * never from a request body. {@code version} goes up by one with every change, so that replicas
 * (organisation-changed) can ignore an older state that arrives late.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public String oid;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    /** Statistics Finland municipality code (kuntanumero), three digits. */
    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public boolean active;

    /** 1 when registered, +1 with every change. Set by the registry, not by Hibernate. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether the state would change: a PUT of the same state is no change (no new version, no event). */
    public boolean differsFrom(String otherName, Sector otherSector, String otherMunicipality, boolean otherActive) {
        return !(name.equals(otherName) && sector == otherSector && municipality.equals(otherMunicipality)
                && active == otherActive);
    }
}
