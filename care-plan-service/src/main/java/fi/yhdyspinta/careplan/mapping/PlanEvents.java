package fi.yhdyspinta.careplan.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import fi.yhdyspinta.careplan.domain.CarePlan;
import fi.yhdyspinta.careplan.domain.PlanContent;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import fi.yhdyspinta.careplan.domain.ResponsibleWorkerChange;
import fi.yhdyspinta.events.payload.CarePlanUpdated;
import fi.yhdyspinta.events.payload.PlanSharingRevoked;
import fi.yhdyspinta.events.payload.ResponsibleWorkerChanged;

/** Entity → event payload: ids, codes, versions and organisations — never goals, actions or other text. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public static CarePlanUpdated updated(CarePlan plan, List<PlanParticipant> participants, PlanContent content) {
        return new CarePlanUpdated(plan.id.toString(), plan.clientId, plan.version, plan.planVersion,
                plan.responsibleOrganisation,
                participants.stream().filter(p -> p.status == PlanSharing.ACTIVE).map(p -> p.organisation).toList(),
                participants.stream().filter(p -> p.status == PlanSharing.REVOKED).map(p -> p.organisation).toList(),
                content.actions().stream().map(PlanContent.Action::referralId).filter(Objects::nonNull)
                        .map(Object::toString).distinct().toList(),
                plan.jointAssessmentId == null ? null : plan.jointAssessmentId.toString(), plan.reviewDate,
                plan.updatedAt);
    }

    public static ResponsibleWorkerChanged handedOver(CarePlan plan, ResponsibleWorkerChange change) {
        return new ResponsibleWorkerChanged(plan.id.toString(), plan.clientId, plan.version, change.fromWorker,
                change.fromOrganisation, change.toWorker, change.toOrganisation, change.reason.name(),
                change.changedAt);
    }

    public static PlanSharingRevoked sharingRevoked(CarePlan plan, PlanParticipant participant, OffsetDateTime at) {
        return new PlanSharingRevoked(plan.id.toString(), plan.clientId, plan.version, participant.organisation,
                participant.consentId.toString(), plan.responsibleOrganisation, at);
    }
}
