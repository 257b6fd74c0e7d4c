package fi.yhdyspinta.careplan.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fi.yhdyspinta.careplan.domain.PlanContent;
import fi.yhdyspinta.careplan.domain.PlanSharing;

/**
 * A plan as a participating organisation sees it. An organisation whose share was revoked or removed gets ids
 * only: {@code id}, {@code version}, {@code sharing} — nothing else is present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(
        UUID id,
        long version,
        PlanSharing sharing,
        String clientId,
        Integer planVersion,
        LocalDate reviewDate,
        UUID jointAssessmentId,
        ResponsibleWorker responsibleWorker,
        List<Participant> participants,
        List<PlanContent.Goal> goals,
        List<PlanContent.Action> actions,
        String clientSummary,
        List<HandOver> responsibleWorkerHistory,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record ResponsibleWorker(String worker, String organisation) {
    }

    public record Participant(String organisation, PlanSharing sharing) {
    }

    public record HandOver(String fromWorker, String fromOrganisation, String toWorker, String toOrganisation,
            String reason, String changedBy, OffsetDateTime changedAt) {
    }

    /** What an organisation that lost its share sees: ids only. */
    public static PlanView idsOnly(UUID id, long version, PlanSharing sharing) {
        return new PlanView(id, version, sharing, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
