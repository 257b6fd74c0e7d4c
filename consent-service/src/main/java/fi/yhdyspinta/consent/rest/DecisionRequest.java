package fi.yhdyspinta.consent.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /consent-decisions}: may the caller's organisation disclose these data of the client
 * to the recipient for the purpose? A statutory basis needs a justification. {@code recipientSector}
 * is needed for LSL 25 § (child welfare is a social-sector recipient). With {@code needId} a permit
 * lets the waiting referral of that need proceed.
 */
public record DecisionRequest(
        @NotNull @ValidHenkilotunnus String client,
        @NotNull @OrganisationOid String recipientOrganisation,
        Sector recipientSector,
        @NotNull Purpose purpose,
        @NotNull @Size(min = 1, max = 5) List<@NotNull DataCategory> dataCategories,
        LegalBasis statutoryBasis,
        @Size(max = 4000) String justification,
        UUID needId) {
}
