package fi.yhdyspinta.careplan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.events.code.NeedCategory;

/** A goal: the professionals' wording and the client's own plain-language one ({@code clientText}). */
public record PlanGoalInput(
        NeedCategory category,
        @NotBlank @Size(max = 2000) String description,
        @Size(max = 2000) String clientText) {
}
