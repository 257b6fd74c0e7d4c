package fi.yhdyspinta.notification.service;

import fi.yhdyspinta.notification.domain.WebhookSubscription;

/** A subscription with the secret just issued to it: answered once, never again. */
public record IssuedSecret(WebhookSubscription subscription, String secret) {
}
