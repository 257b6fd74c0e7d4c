package fi.yhdyspinta.referral.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.referral.command.IdentifyNeed;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /needs}: a professional identified a need for another sector's services.
 * {@code dataCategories} defaults to NEED_SUMMARY and CONTACT_DETAILS, {@code purpose} to REFERRAL.
 * The target's sector comes from the organisation registry: {@code targetSector} is optional and, if
 * given, must be the registry's.
 */
public record NeedRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull NeedCategory category,
        Sector targetSector,
        @NotNull @Size(max = 64) @OrganisationOid String targetOrganisation,
        @NotNull Urgency urgency,
        @Size(min = 1, max = 5) List<@NotNull DataCategory> dataCategories,
        Purpose purpose) {

    public static final List<DataCategory> DEFAULT_DATA = List.of(DataCategory.NEED_SUMMARY,
            DataCategory.CONTACT_DETAILS);

    public List<DataCategory> dataCategoriesOrDefault() {
        return dataCategories == null ? DEFAULT_DATA : List.copyOf(new java.util.LinkedHashSet<>(dataCategories));
    }

    public Purpose purposeOrDefault() {
        return purpose == null ? Purpose.REFERRAL : purpose;
    }

    public IdentifyNeed command() {
        return new IdentifyNeed(client, category, targetSector, targetOrganisation, urgency, dataCategoriesOrDefault(),
                purposeOrDefault());
    }
}
