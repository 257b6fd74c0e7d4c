package fi.yhdyspinta.careplan.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /plans}: a joint client plan (SHL 39 §, 46 §). The caller's organisation takes part and holds the
 * plan; each other participant needs a consent decision permitting JOINT_CLIENT_PLAN. Without
 * {@code responsibleWorker} the caller becomes the responsible worker. With {@code fromJointAssessment} (a completed
 * joint assessment of the same client) its organisations take part and its coded summary seeds the goals.
 */
public record PlanRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @Size(max = 20) List<@NotNull @Size(max = 64) @OrganisationOid String> participants,
        @Size(max = 30) List<@Valid @NotNull PlanGoalInput> goals,
        @Size(max = 60) List<@Valid @NotNull PlanActionInput> actions,
        LocalDate reviewDate,
        @Size(max = 4000) String clientSummary,
        @Valid ResponsibleWorkerInput responsibleWorker,
        UUID fromJointAssessment) {
}
