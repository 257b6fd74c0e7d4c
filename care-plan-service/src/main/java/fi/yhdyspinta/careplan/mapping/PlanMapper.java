package fi.yhdyspinta.careplan.mapping;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.careplan.domain.CarePlanVersion;
import fi.yhdyspinta.careplan.domain.PlanContent;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanSharing;
import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.domain.ResponsibleWorkerChange;
import fi.yhdyspinta.careplan.rest.MyPlanView;
import fi.yhdyspinta.careplan.rest.PlanVersionView;
import fi.yhdyspinta.careplan.rest.PlanView;
import fi.yhdyspinta.events.EventJson;

/** Entities never leave through the API: these are the views, and the content's JSON form. */
public final class PlanMapper {

    private static final ObjectMapper JSON = EventJson.mapper();

    private PlanMapper() {
    }

    /** The plan as {@code organisation} may see it: all of it for an active participant, else ids only. */
    public static PlanView toView(PlanState state, String organisation) {
        PlanSharing sharing = state.participant(organisation).map(p -> p.status).orElseThrow();
        if (sharing != PlanSharing.ACTIVE) {
            return PlanView.idsOnly(state.plan().id, state.plan().version, sharing);
        }
        var plan = state.plan();
        PlanContent content = content(state.current());
        return new PlanView(plan.id, plan.version, sharing, plan.clientId, plan.planVersion, plan.reviewDate,
                plan.jointAssessmentId,
                plan.hasResponsibleWorker()
                        ? new PlanView.ResponsibleWorker(plan.responsibleWorker, plan.responsibleOrganisation)
                        : null,
                state.participants().stream().map(p -> new PlanView.Participant(p.organisation, p.status)).toList(),
                content.goals(), content.actions(), content.clientSummary(), history(state.history()),
                plan.createdAt, plan.updatedAt);
    }

    public static List<PlanView.HandOver> history(List<ResponsibleWorkerChange> changes) {
        return changes.stream().map(c -> new PlanView.HandOver(c.fromWorker, c.fromOrganisation, c.toWorker,
                c.toOrganisation, c.reason.name(), c.changedBy, c.changedAt)).toList();
    }

    public static PlanVersionView toView(CarePlanVersion version) {
        PlanContent content = content(version);
        return new PlanVersionView(version.planVersion, version.createdBy, version.createdByOrganisation,
                version.createdAt, content.goals(), content.actions(), content.clientSummary());
    }

    /** The client's own view, in plain language (the professionals' wording where no plain one was written). */
    public static MyPlanView toClientView(PlanState state) {
        var plan = state.plan();
        PlanContent content = content(state.current());
        return new MyPlanView(plan.id, plan.planVersion, content.clientSummary(),
                content.goals().stream().map(g -> g.clientText() != null ? g.clientText() : g.description()).toList(),
                content.actions().stream().map(a -> new MyPlanView.Step(
                        a.clientText() != null ? a.clientText() : a.description(), a.organisation(), a.dueDate()))
                        .toList(),
                plan.reviewDate, plan.responsibleOrganisation,
                state.participants().stream().filter(PlanParticipant::isActive).map(p -> p.organisation).toList(),
                plan.updatedAt);
    }

    public static String json(PlanContent content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan content cannot be written as JSON", e);
        }
    }

    public static PlanContent content(CarePlanVersion version) {
        try {
            return JSON.readValue(version.content, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan content of " + version.planId + " cannot be read", e);
        }
    }
}
