package fi.yhdyspinta.referral.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;

/**
 * A need as its source or target organisation may see it ({@code ReferralDisclosure}, after its
 * referral): fields the caller may not see are null, and {@code redacted} names the withheld
 * client data categories.
 */
public record NeedView(UUID id, String client, String clientId, NeedCategory category, String sourceOrganisation,
        Sector targetSector, String targetOrganisation, Urgency urgency, Purpose purpose,
        List<DataCategory> dataCategories, UUID referralId, OffsetDateTime identifiedAt,
        List<DataCategory> redacted) {
}
