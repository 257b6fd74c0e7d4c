package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

/** A delivery taken by the sender: where to, what, and the secrets that sign it now. */
record WebhookJob(UUID deliveryId, String url, String body, List<String> secrets) {
}
