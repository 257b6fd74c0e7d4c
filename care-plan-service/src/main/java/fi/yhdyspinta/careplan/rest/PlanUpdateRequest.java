package fi.yhdyspinta.careplan.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code PUT /plans/{id}} with {@code If-Match}: the whole next version of the plan. {@code client} (the
 * henkilötunnus) must be the plan's client: a new participant needs a consent decision, which is asked by it.
 * Participants left out see ids only from now on; the responsible worker's organisation cannot be left out.
 */
public record PlanUpdateRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull @Size(max = 20) List<@NotNull @Size(max = 64) @OrganisationOid String> participants,
        @NotNull @Size(max = 30) List<@Valid @NotNull PlanGoalInput> goals,
        @NotNull @Size(max = 60) List<@Valid @NotNull PlanActionInput> actions,
        LocalDate reviewDate,
        @Size(max = 4000) String clientSummary) {
}
