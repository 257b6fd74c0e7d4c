package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;

/** One delivery for the ops view: ids, codes and times (its body is not shown). */
public record WebhookDeliveryView(UUID id, UUID subscriptionId, String organisation, UUID eventId, String eventType,
        WebhookDeliveryStatus status, int attempts, String failure, OffsetDateTime createdAt, OffsetDateTime dueSince,
        OffsetDateTime nextAttemptAt, OffsetDateTime attemptedAt, OffsetDateTime deliveredAt) {
}
