package fi.yhdyspinta.referral.command;

import java.util.List;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;

/**
 * A professional identifies the client's need (palvelutarve) for another organisation: the route in of
 * {@code POST /needs} and {@code POST /referrals}. The client is named by henkilötunnus; the target sector, when
 * stated, must be the registry's; purpose and data categories are what the consent will be asked for.
 */
public record IdentifyNeed(String client, NeedCategory category, Sector targetSector, String targetOrganisation,
        Urgency urgency, List<DataCategory> dataCategories, Purpose purpose) {
}
