package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A subscription as its organisation sees it: never a secret. */
public record WebhookView(UUID id, String organisation, String url, List<String> eventTypes,
        OffsetDateTime createdAt, OffsetDateTime previousSecretValidUntil) {
}
