package fi.yhdyspinta.notification.mapping;

import fi.yhdyspinta.notification.domain.WebhookDelivery;
import fi.yhdyspinta.notification.domain.WebhookSubscription;
import fi.yhdyspinta.notification.rest.WebhookDeliveryView;
import fi.yhdyspinta.notification.rest.WebhookSecretView;
import fi.yhdyspinta.notification.rest.WebhookView;
import fi.yhdyspinta.notification.service.IssuedSecret;

/** Webhook entities never leave through the API: these are the views. */
public final class WebhookMapper {

    private WebhookMapper() {
    }

    public static WebhookView toView(WebhookSubscription s) {
        return new WebhookView(s.id, s.organisation, s.url, s.eventTypeList(), s.createdAt,
                s.previousSecretValidUntil);
    }

    public static WebhookSecretView toView(IssuedSecret issued) {
        WebhookSubscription s = issued.subscription();
        return new WebhookSecretView(s.id, s.organisation, s.url, s.eventTypeList(), s.createdAt, issued.secret(),
                s.previousSecretValidUntil);
    }

    public static WebhookDeliveryView toView(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.subscriptionId, d.organisation, d.eventId, d.eventType, d.status,
                d.attempts, d.failure, d.createdAt, d.dueSince, d.nextAttemptAt, d.attemptedAt, d.deliveredAt);
    }
}
