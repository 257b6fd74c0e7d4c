package fi.yhdyspinta.careplan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;

/** A named worker (the account id, the token's {@code sub}) of a participating organisation. */
public record ResponsibleWorkerInput(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "must be the worker's account id (token subject)")
        String worker,
        @NotNull @Size(max = 64) @OrganisationOid String organisation) {
}
