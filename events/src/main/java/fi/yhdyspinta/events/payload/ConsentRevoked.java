package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/** The client revoked a consent: everything that rested on it must stop. */
public record ConsentRevoked(
        String consentId,
        String clientId,
        String purpose,
        OffsetDateTime revokedAt) {
}
