package fi.yhdyspinta.careplan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /me/plans}: the client's own plan in plain language — the goals and actions as written for the client
 * (the professionals' wording where none was), who does what, when it is reviewed and which organisation is
 * responsible.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MyPlanView(UUID id, int planVersion, String summary, List<String> goals, List<Step> steps,
        LocalDate reviewDate, String responsibleOrganisation, List<String> organisations, OffsetDateTime updatedAt) {

    public record Step(String text, String organisation, LocalDate dueDate) {
    }
}
