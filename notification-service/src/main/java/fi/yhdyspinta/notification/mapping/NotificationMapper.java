package fi.yhdyspinta.notification.mapping;

import fi.yhdyspinta.notification.domain.ChannelPreference;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.rest.ChannelView;
import fi.yhdyspinta.notification.rest.NotificationView;

/** Entities never leave through the API: these are the views. */
public final class NotificationMapper {

    private NotificationMapper() {
    }

    public static NotificationView toView(Notification n) {
        return new NotificationView(n.id, n.type, n.organisation, n.referralId, n.needId, n.assessmentId, n.clientId,
                n.counterpartOrganisation, n.referralStatus, n.reasonCode, n.suggestedRecipient, n.outcome, n.purpose,
                n.assessmentStatus, n.deadline, n.sourceEventId, n.sourceEventType, n.createdAt, n.isAcknowledged(),
                n.acknowledgedAt, n.acknowledgedBy);
    }

    public static ChannelView toView(ChannelPreference p) {
        return new ChannelView(p.organisation, p.email, p.emailEnabled, p.updatedAt);
    }
}
