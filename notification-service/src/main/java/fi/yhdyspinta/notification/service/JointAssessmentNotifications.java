package fi.yhdyspinta.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.payload.JointAssessmentChanged;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.repository.AggregateVersions;
import io.smallrye.mutiny.Uni;

/**
 * Joint service-need assessment invitations (THL 32.2 §, SHL 41 §): an invited organisation cannot decline, only
 * acknowledge; an unacknowledged invitation past its deadline escalates. Several organisations may be invited at
 * once: the event names those it is about ({@code changedInvitations}, D41). An event
 * older than one already heard of for the assessment (by its {@code aggregateVersion}) tells no one.
 */
@ApplicationScoped
public class JointAssessmentNotifications {

    private static final Logger LOG = Logger.getLogger(JointAssessmentNotifications.class);

    private final Notifier notifier;
    private final AggregateVersions versions;

    public JointAssessmentNotifications(Notifier notifier, AggregateVersions versions) {
        this.notifier = notifier;
        this.versions = versions;
    }

    public Uni<Void> requested(CloudEvent event, JointAssessmentChanged assessment) {
        return notify(event, assessment, NotificationType.JOINT_ASSESSMENT_REQUESTED);
    }

    public Uni<Void> overdue(CloudEvent event, JointAssessmentChanged assessment) {
        return notify(event, assessment, NotificationType.JOINT_ASSESSMENT_OVERDUE);
    }

    private Uni<Void> notify(CloudEvent event, JointAssessmentChanged a, NotificationType type) {
        return versions.advance(AggregateVersions.JOINT_ASSESSMENT, UUID.fromString(a.assessmentId()),
                a.aggregateVersion()).chain(newer -> {
                    if (!newer) {
                        LOG.infof("%s %s is not newer than what is known of joint assessment %s: no one is told",
                                event.type(), event.id(), a.assessmentId());
                        return Uni.createFrom().voidItem();
                    }
                    return tell(event, a, type);
                });
    }

    /**
     * Each organisation the change is about (every invited one for a request, each silent one for an escalation —
     * an escalation is addressed to its unit lead) gets an item; the escalation also goes back to the requester
     * (closed loop), once per event whatever the number of silent invitations.
     */
    private Uni<Void> tell(CloudEvent event, JointAssessmentChanged a, NotificationType type) {
        List<Recipient> recipients = new ArrayList<>();
        a.concerned().forEach(invited -> recipients.add(new Recipient(invited, a.requestingOrganisation())));
        if (type == NotificationType.JOINT_ASSESSMENT_OVERDUE && !a.concerned().isEmpty()) {
            recipients.add(new Recipient(a.requestingOrganisation(), a.concerned().get(0)));
        }
        return notifier.notify(event, type, a.clientId(), recipients, item -> {
                    item.assessmentId = UUID.fromString(a.assessmentId());
                    item.assessmentStatus = JointAssessmentStatus.valueOf(a.status());
                    item.deadline = a.deadline();
                });
    }
}
