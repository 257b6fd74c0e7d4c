package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.notification.domain.WebhookDelivery;
import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;
import fi.yhdyspinta.notification.domain.WebhookSubscription;
import fi.yhdyspinta.notification.mapping.WebhookBodies;
import fi.yhdyspinta.notification.repository.WebhookDeliveryRepository;
import fi.yhdyspinta.notification.repository.WebhookSubscriptionRepository;
import fi.yhdyspinta.platform.archive.ServiceClock;
import io.smallrye.mutiny.Uni;

/**
 * Queues an event for an organisation's webhooks: one PENDING delivery per subscription of the organisation that
 * asked for the event's type. Runs inside the consuming inbox's transaction ({@link Notifier}), so the organisations
 * told are exactly those the inbox tells (the same audience rules), and the event is queued once with its item.
 */
@ApplicationScoped
public class WebhookQueue {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ServiceClock clock;

    public WebhookQueue(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            ServiceClock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Uni<Void> enqueue(CloudEvent event, String organisation, String clientId) {
        return subscriptions.ofOrganisation(organisation).chain(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WebhookSubscription subscription : found) {
                if (subscription.wants(event.type())) {
                    WebhookDelivery delivery = delivery(event, subscription, clientId);
                    chain = chain.chain(() -> deliveries.persist(delivery).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    private WebhookDelivery delivery(CloudEvent event, WebhookSubscription subscription, String clientId) {
        OffsetDateTime now = clock.now();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.organisation = subscription.organisation;
        delivery.clientId = clientId;
        delivery.eventId = UUID.fromString(event.id());
        delivery.eventType = event.type();
        delivery.body = WebhookBodies.of(event);
        delivery.status = WebhookDeliveryStatus.PENDING;
        delivery.createdAt = now;
        delivery.dueSince = now;
        delivery.nextAttemptAt = now;
        return delivery;
    }
}
