package fi.yhdyspinta.careplan.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.events.code.HandOverReason;
import fi.yhdyspinta.platform.validation.OrganisationOid;

/** {@code POST /plans/{id}/responsible-worker}: hand the responsibility over to a worker of a participant. */
public record HandOverRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "must be the worker's account id (token subject)")
        String worker,
        @NotNull @Size(max = 64) @OrganisationOid String organisation,
        @NotNull HandOverReason reason) {
}
