package fi.yhdyspinta.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.notification.service.JointAssessmentNotifications;
import fi.yhdyspinta.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Joint assessment invitations and escalations from care-plan-service, each handled once, poison to the DLQ. */
@ApplicationScoped
public class JointAssessmentEventsConsumer {

    private final Inbox inbox;
    private final JointAssessmentNotifications notifications;

    public JointAssessmentEventsConsumer(Inbox inbox, JointAssessmentNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("joint-assessment-requested")
    public Uni<Void> requested(String record) {
        return inbox.handleOnce(record, EventType.JOINT_ASSESSMENT_REQUESTED, JointAssessmentChanged.class,
                notifications::requested);
    }

    @Incoming("joint-assessment-overdue")
    public Uni<Void> overdue(String record) {
        return inbox.handleOnce(record, EventType.JOINT_ASSESSMENT_OVERDUE, JointAssessmentChanged.class,
                notifications::overdue);
    }
}
