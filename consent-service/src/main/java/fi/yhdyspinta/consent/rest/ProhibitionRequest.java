package fi.yhdyspinta.consent.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.consent.command.RecordProhibition;
import fi.yhdyspinta.consent.domain.Register;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/** {@code POST /prohibitions}: the client prohibits disclosure from a register, to all or to one organisation. */
public record ProhibitionRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull Register register,
        @Size(max = 64) @OrganisationOid String recipientOrganisation) {

    public RecordProhibition command() {
        return new RecordProhibition(register, recipientOrganisation);
    }
}
