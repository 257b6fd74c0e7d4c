package fi.yhdyspinta.notification.mapping;

import fi.yhdyspinta.events.code.NotificationChannel;
import fi.yhdyspinta.events.payload.NotificationDelivered;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;

/** Entity → event payload: ids and codes only. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** The payload of {@code notification-delivered} and {@code notification-failed}. */
    public static NotificationDelivered delivery(Notification n, NotificationChannel channel) {
        return new NotificationDelivered(n.id.toString(), n.clientId, n.organisation, channel.name(), n.type.name(),
                n.sourceEventId.toString());
    }

    public static ClientId clientIdOf(Notification n) {
        return new ClientId(n.clientId);
    }

    /** A delivery belongs to the chain of the event that made the item, and is caused by it. */
    public static Causation causationOf(Notification n) {
        String source = n.sourceEventId.toString();
        return new Causation(n.correlationId != null ? n.correlationId : source, source);
    }
}
