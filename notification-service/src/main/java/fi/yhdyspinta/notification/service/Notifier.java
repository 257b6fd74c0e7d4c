package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.NotificationChannel;
import fi.yhdyspinta.notification.domain.ChannelPreference;
import fi.yhdyspinta.notification.domain.DeliveryAttempt;
import fi.yhdyspinta.notification.domain.DeliveryStatus;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.mapping.NotificationEvents;
import fi.yhdyspinta.notification.repository.ChannelPreferenceRepository;
import fi.yhdyspinta.notification.repository.DeliveryAttemptRepository;
import fi.yhdyspinta.notification.repository.NotificationRepository;
import fi.yhdyspinta.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The one place where inbox items are made. Runs inside the consuming inbox's transaction: the
 * processed-event row, the item, its INBOX delivery with {@code notification-delivered}, and a pending
 * EMAIL delivery (if the organisation wants e-mail) and a pending delivery per matching webhook subscription of the
 * organisation ({@link WebhookQueue}) commit together. The mail itself is sent later,
 * outside any transaction, by {@link EmailDispatcher}.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository deliveries;
    private final ChannelPreferenceRepository channels;
    private final Outbox outbox;
    private final WebhookQueue webhooks;

    public Notifier(NotificationRepository notifications, DeliveryAttemptRepository deliveries,
            ChannelPreferenceRepository channels, Outbox outbox, WebhookQueue webhooks) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.channels = channels;
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    /** One item per recipient organisation; {@code details} fills in what the event type carries. */
    public Uni<Void> notify(CloudEvent event, NotificationType type, String clientId, List<Recipient> recipients,
            Consumer<Notification> details) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Recipient recipient : recipients.stream().distinct().toList()) {
            chain = chain.chain(() -> notifyOne(event, type, clientId, recipient, details));
        }
        return chain;
    }

    private Uni<Void> notifyOne(CloudEvent event, NotificationType type, String clientId, Recipient recipient,
            Consumer<Notification> details) {
        UUID sourceEventId = UUID.fromString(event.id());
        return notifications.existsFor(sourceEventId, recipient.organisation()).chain(exists -> {
            if (exists) {
                LOG.infof("event %s already notified to %s", event.id(), recipient.organisation());
                return Uni.createFrom().voidItem();
            }
            Notification item = newItem(event, type, clientId, recipient);
            details.accept(item);
            return notifications.persistAndFlush(item)
                    .chain(() -> deliverToInbox(item))
                    .chain(() -> channels.findById(item.organisation))
                    .chain(preference -> queueEmail(item, preference))
                    .chain(() -> webhooks.enqueue(event, item.organisation, item.clientId));
        });
    }

    private static Notification newItem(CloudEvent event, NotificationType type, String clientId,
            Recipient recipient) {
        Notification item = new Notification();
        item.id = UUID.randomUUID();
        item.organisation = recipient.organisation();
        item.counterpartOrganisation = recipient.counterpart();
        item.type = type;
        item.clientId = clientId;
        item.sourceEventId = UUID.fromString(event.id());
        item.sourceEventType = event.type();
        item.correlationId = event.correlationid();
        item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return item;
    }

    /** Recording the item is its delivery to the organisation's inbox. */
    private Uni<Void> deliverToInbox(Notification item) {
        DeliveryAttempt inbox = attempt(item, NotificationChannel.INBOX, null);
        inbox.status = DeliveryStatus.DELIVERED;
        inbox.attempts = 1;
        inbox.attemptedAt = item.createdAt;
        return deliveries.persist(inbox)
                .chain(() -> outbox.record(EventType.NOTIFICATION_DELIVERED, NotificationEvents.clientIdOf(item),
                        NotificationEvents.delivery(item, NotificationChannel.INBOX),
                        NotificationEvents.causationOf(item)))
                .replaceWithVoid();
    }

    private Uni<Void> queueEmail(Notification item, ChannelPreference preference) {
        if (preference == null || !preference.wantsEmail()) {
            return Uni.createFrom().voidItem();
        }
        DeliveryAttempt email = attempt(item, NotificationChannel.EMAIL, preference.email);
        email.status = DeliveryStatus.PENDING;
        return deliveries.persist(email).replaceWithVoid();
    }

    private static DeliveryAttempt attempt(Notification item, NotificationChannel channel, String address) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.notificationId = item.id;
        attempt.channel = channel;
        attempt.address = address;
        attempt.createdAt = item.createdAt;
        attempt.nextAttemptAt = item.createdAt;
        return attempt;
    }
}
