package fi.yhdyspinta.consent.rest;

import jakarta.validation.constraints.NotNull;

import fi.yhdyspinta.consent.domain.Register;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/** {@code POST /prohibitions}: the client prohibits disclosure from a register, to all or to one organisation. */
public record ProhibitionRequest(
        @NotNull @ValidHenkilotunnus String client,
        @NotNull Register register,
        @OrganisationOid String recipientOrganisation) {
}
