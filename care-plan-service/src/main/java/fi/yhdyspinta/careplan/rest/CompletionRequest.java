package fi.yhdyspinta.careplan.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.careplan.domain.AgreedNextStep;
import fi.yhdyspinta.events.code.NeedCategory;

/**
 * {@code POST /joint-assessments/{id}/complete} (optional body): the assessment's coded summary — the needs found
 * and the next steps agreed, codes only. A plan made {@code fromJointAssessment} starts with one goal per need.
 */
public record CompletionRequest(
        @Size(max = 11) List<@NotNull NeedCategory> needs,
        @Size(max = 5) List<@NotNull AgreedNextStep> nextSteps) {

    public static final CompletionRequest NONE = new CompletionRequest(List.of(), List.of());
}
