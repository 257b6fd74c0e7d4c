package fi.yhdyspinta.notification.rest;

import java.time.OffsetDateTime;

/** An organisation's channel preferences. */
public record ChannelView(String organisation, String email, boolean emailEnabled, OffsetDateTime updatedAt) {
}
