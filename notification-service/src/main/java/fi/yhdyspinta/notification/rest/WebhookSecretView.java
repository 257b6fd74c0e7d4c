package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription with its new signing secret ({@code whsec_…}): answered once, on subscribe and on rotation; store
 * it, it cannot be read again. After a rotation the previous secret still signs until {@code previousSecretValidUntil}.
 */
public record WebhookSecretView(UUID id, String organisation, String url, List<String> eventTypes,
        OffsetDateTime createdAt, String secret, OffsetDateTime previousSecretValidUntil) {
}
