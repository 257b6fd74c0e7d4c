package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.notification.domain.NotificationType;
import io.smallrye.mutiny.Uni;

/**
 * Joint service-need assessment invitations (THL 32.2 §, SHL 41 §): the invited health care unit
 * cannot decline, only acknowledge; an unacknowledged invitation past its deadline escalates.
 */
@ApplicationScoped
public class JointAssessmentNotifications {

    private final Notifier notifier;

    public JointAssessmentNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    public Uni<Void> requested(CloudEvent event, JointAssessmentChanged assessment) {
        return notify(event, assessment, NotificationType.JOINT_ASSESSMENT_REQUESTED);
    }

    public Uni<Void> overdue(CloudEvent event, JointAssessmentChanged assessment) {
        return notify(event, assessment, NotificationType.JOINT_ASSESSMENT_OVERDUE);
    }

    private Uni<Void> notify(CloudEvent event, JointAssessmentChanged a, NotificationType type) {
        return notifier.notify(event, type, a.clientId(),
                List.of(new Recipient(a.invitedOrganisation(), a.requestingOrganisation())), item -> {
                    item.assessmentId = UUID.fromString(a.assessmentId());
                    item.assessmentStatus = JointAssessmentStatus.valueOf(a.status());
                    item.deadline = a.deadline();
                });
    }
}
