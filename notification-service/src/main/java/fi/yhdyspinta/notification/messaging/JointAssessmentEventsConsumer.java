package fi.yhdyspinta.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.notification.service.JointAssessmentNotifications;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Joint assessment invitations and escalations from care-plan-service on {@code joint-assessments}, each
 * handled once, poison to the DLQ. Acknowledgements and completions are acknowledged unhandled.
 */
@ApplicationScoped
public class JointAssessmentEventsConsumer {

    private final EventRoutes routes;

    public JointAssessmentEventsConsumer(EventRouter router, JointAssessmentNotifications notifications) {
        this.routes = router.routes(Topic.JOINT_ASSESSMENTS)
                .on(EventType.JOINT_ASSESSMENT_REQUESTED, JointAssessmentChanged.class, notifications::requested)
                .on(EventType.JOINT_ASSESSMENT_OVERDUE, JointAssessmentChanged.class, notifications::overdue);
    }

    /** The event types this consumer makes inbox items of (and so may be subscribed to as webhooks). */
    public Set<EventType> handled() {
        return routes.handled();
    }

    @Incoming("joint-assessments")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
