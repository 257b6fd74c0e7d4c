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
        return new NotificationView(n.id, n.type, n.organisation, n.type.escalation() ? "unit-lead" : null,
                n.referralId, n.needId, n.assessmentId, n.planId,
                n.hint == null ? null : n.hint.name(), n.clientId,
                n.counterpartOrganisation, n.referralStatus, reasonCodeOf(n), n.decisionId, n.suggestedRecipient,
                n.outcome, n.purpose, n.assessmentStatus, n.deadline, n.sourceEventId, n.sourceEventType, n.createdAt, n.isAcknowledged(),
                n.acknowledgedAt, n.acknowledgedBy);
    }

    /** One field for why: the decline reason of a referral, or the denial reason of a consent decision. */
    private static String reasonCodeOf(Notification n) {
        if (n.reasonCode != null) {
            return n.reasonCode.name();
        }
        return n.denialReason == null ? null : n.denialReason.name();
    }

    public static ChannelView toView(ChannelPreference p) {
        return new ChannelView(p.organisation, p.email, p.emailEnabled, p.updatedAt);
    }
}
