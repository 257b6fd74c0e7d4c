package fi.yhdyspinta.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.consent.command.RegisterOrganisation;
import fi.yhdyspinta.events.code.Sector;

/**
 * {@code PUT /organisations/{oid}}: the organisation as it now is. The OID is the path's; the
 * version is the registry's (server-owned).
 */
public record OrganisationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Sector sector,
        @NotNull @Size(max = 3) @Pattern(regexp = "^[0-9]{3}$", message = "must be a three-digit municipality code") String municipality,
        @NotNull Boolean active) {

    public RegisterOrganisation command() {
        return new RegisterOrganisation(name, sector, municipality, active);
    }
}
