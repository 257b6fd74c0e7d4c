package fi.yhdyspinta.consent.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Sector;

/**
 * The client's prohibition of disclosure (luovutuskielto, PotL 13 §) from one register, to every
 * recipient or to one named organisation.
 *
 * <p>What a prohibition reaches, kept simple: a {@link Register#HEALTH} prohibition reaches every
 * disclosure of {@link DataCategory#HEALTH_RECORD} data and every disclosure requested by a
 * health-sector organisation (whose data come from the health register); a {@link Register#SOCIAL}
 * prohibition likewise reaches {@link DataCategory#SOCIAL_RECORD} data and social-sector requesters.
 */
@Entity
@Table(name = "prohibition")
public class Prohibition {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Register register;

    /** Only this recipient, or every recipient when null. */
    @Column(name = "recipient_organisation")
    public String recipientOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProhibitionStatus status;

    /** A professional's sub, or {@code client} when the client recorded it. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The organisation of the professional who recorded it; null when the client did. */
    @Column(name = "recorded_by_organisation")
    public String recordedByOrganisation;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Version
    public long version;

    /** An active prohibition that reaches this disclosure. */
    public boolean reaches(DisclosureRequest request) {
        if (status != ProhibitionStatus.ACTIVE || !clientId.equals(request.clientId())) {
            return false;
        }
        if (recipientOrganisation != null && !recipientOrganisation.equals(request.recipientOrganisation())) {
            return false;
        }
        return switch (register) {
            case HEALTH -> request.dataCategories().contains(DataCategory.HEALTH_RECORD)
                    || request.requestingSector() == Sector.HEALTH;
            case SOCIAL -> request.dataCategories().contains(DataCategory.SOCIAL_RECORD)
                    || request.requestingSector() == Sector.SOCIAL;
        };
    }
}
