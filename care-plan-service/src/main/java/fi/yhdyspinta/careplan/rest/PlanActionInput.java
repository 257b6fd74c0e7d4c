package fi.yhdyspinta.careplan.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;

/** An action owned by one participating organisation, linked to the referral it came from if any. */
public record PlanActionInput(
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Size(max = 64) @OrganisationOid String organisation,
        UUID referralId,
        LocalDate dueDate,
        @Size(max = 2000) String clientText) {
}
