package fi.yhdyspinta.consent.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.consent.command.AskDisclosure;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /consent-decisions}: may the caller's organisation disclose these data of the client
 * to the recipient for the purpose? The caller's organisation is the discloser; the recipient never
 * asks for itself. Both sectors come from the organisation registry, never from the body. A statutory
 * basis needs a justification and an entitled caller. With {@code needId} (a need the caller's
 * organisation identified) a permit lets the waiting referral of that need proceed.
 */
public record DecisionRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull @Size(max = 64) @OrganisationOid String recipientOrganisation,
        @NotNull Purpose purpose,
        @NotNull @Size(min = 1, max = 5) List<@NotNull DataCategory> dataCategories,
        LegalBasis statutoryBasis,
        @Size(max = 4000) String justification,
        UUID needId) {

    public AskDisclosure command() {
        return new AskDisclosure(client, recipientOrganisation, purpose, dataCategories, statutoryBasis, justification,
                needId);
    }
}
