package fi.yhdyspinta.careplan.mapping;

import java.util.List;
import java.util.Map;

import fi.yhdyspinta.careplan.domain.JointAssessmentState;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;

/** Entity → event payload: ids, codes, states and the deadline only — never a participant. */
public final class JointAssessmentEvents {

    private static final Map<JointAssessmentStatus, EventType> BY_STEP = Map.of(
            JointAssessmentStatus.REQUESTED, EventType.JOINT_ASSESSMENT_REQUESTED,
            JointAssessmentStatus.ACKNOWLEDGED, EventType.JOINT_ASSESSMENT_ACKNOWLEDGED,
            JointAssessmentStatus.OVERDUE, EventType.JOINT_ASSESSMENT_OVERDUE,
            JointAssessmentStatus.COMPLETED, EventType.JOINT_ASSESSMENT_COMPLETED);

    private JointAssessmentEvents() {
    }

    /** The event type of a step: the status the changed invitations moved to. */
    public static EventType typeFor(JointAssessmentStatus step) {
        return BY_STEP.get(step);
    }

    /**
     * The assessment as it now is, and the organisations whose invitation this change is about;
     * {@code aggregateVersion} is its {@code @Version} (flushed before this is called).
     */
    public static JointAssessmentChanged changed(JointAssessmentState state, List<String> changed) {
        var a = state.assessment();
        String first = changed.isEmpty() ? state.first().organisation : changed.get(0);
        return new JointAssessmentChanged(a.id.toString(), a.clientId, a.requestingOrganisation, first,
                a.status.name(), a.deadline, a.version, state.invitedOrganisations(),
                state.invitations().stream()
                        .map(i -> new JointAssessmentChanged.Invitation(i.organisation, i.status.name())).toList(),
                List.copyOf(changed));
    }
}
