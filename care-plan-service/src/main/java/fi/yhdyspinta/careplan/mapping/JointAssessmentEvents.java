package fi.yhdyspinta.careplan.mapping;

import java.util.Map;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;

/** Entity → event payload: ids, codes, states and the deadline only — never the participant. */
public final class JointAssessmentEvents {

    private static final Map<JointAssessmentStatus, EventType> BY_STATUS = Map.of(
            JointAssessmentStatus.REQUESTED, EventType.JOINT_ASSESSMENT_REQUESTED,
            JointAssessmentStatus.ACKNOWLEDGED, EventType.JOINT_ASSESSMENT_ACKNOWLEDGED,
            JointAssessmentStatus.OVERDUE, EventType.JOINT_ASSESSMENT_OVERDUE,
            JointAssessmentStatus.COMPLETED, EventType.JOINT_ASSESSMENT_COMPLETED);

    private JointAssessmentEvents() {
    }

    public static EventType typeFor(JointAssessmentStatus status) {
        return BY_STATUS.get(status);
    }

    /** The assessment as it now is; {@code aggregateVersion} is its {@code @Version} (flushed before this is called). */
    public static JointAssessmentChanged changed(JointAssessment assessment) {
        return new JointAssessmentChanged(assessment.id.toString(), assessment.clientId,
                assessment.requestingOrganisation, assessment.invitedOrganisation, assessment.status.name(),
                assessment.deadline, assessment.version);
    }
}
