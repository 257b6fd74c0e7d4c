package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;
import java.util.List;

import fi.yhdyspinta.careplan.domain.PlanContent;

/** One approved version of the plan's content, as it was. */
public record PlanVersionView(int planVersion, String createdBy, String createdByOrganisation,
        OffsetDateTime createdAt, List<PlanContent.Goal> goals, List<PlanContent.Action> actions,
        String clientSummary) {
}
