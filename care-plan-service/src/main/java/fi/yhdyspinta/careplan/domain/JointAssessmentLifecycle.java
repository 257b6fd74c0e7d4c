package fi.yhdyspinta.careplan.domain;

import static fi.yhdyspinta.events.code.JointAssessmentStatus.ACKNOWLEDGED;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.COMPLETED;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.OVERDUE;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.REQUESTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import fi.yhdyspinta.events.code.JointAssessmentStatus;

/**
 * The joint assessment state machine (THL 32.2 §, SHL 41 §): health care cannot refuse, so there is
 * no declined state at all. An invitation is acknowledged (with a participant and a time), or it
 * escalates to OVERDUE after its deadline — and an overdue invitation can still be acknowledged.
 * Only an acknowledged assessment can be completed: completing one nobody from the invited
 * organisation agreed to attend would record a joint assessment that did not happen.
 */
public final class JointAssessmentLifecycle {

    private static final Map<JointAssessmentStatus, Set<JointAssessmentStatus>> NEXT =
            new EnumMap<>(JointAssessmentStatus.class);

    static {
        NEXT.put(REQUESTED, EnumSet.of(ACKNOWLEDGED, OVERDUE));
        NEXT.put(OVERDUE, EnumSet.of(ACKNOWLEDGED));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(COMPLETED));
        NEXT.put(COMPLETED, EnumSet.noneOf(JointAssessmentStatus.class));
    }

    private JointAssessmentLifecycle() {
    }

    public static Set<JointAssessmentStatus> allowedAfter(JointAssessmentStatus current) {
        return Set.copyOf(NEXT.get(current));
    }

    public static boolean allows(JointAssessmentStatus from, JointAssessmentStatus to) {
        return NEXT.get(from).contains(to);
    }
}
