package fi.yhdyspinta.consent.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of an access log ends: the last entry's time and id (entries are ordered newest first by
 * {@code (recordedAt, id)}). Travels as an opaque URL-safe token; the next page holds the entries before it.
 */
public record AccessLogCursor(OffsetDateTime recordedAt, UUID id) {

    /** The cursor after this entry. */
    public static AccessLogCursor after(AccessLogRecord last) {
        return new AccessLogCursor(last.recordedAt, last.id);
    }

    public String token() {
        Instant at = recordedAt.toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token names, or empty when it is not one of ours. */
    public static Optional<AccessLogCursor> parse(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int separator = text.indexOf('_');
            if (separator < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(text.substring(0, separator));
            UUID id = UUID.fromString(text.substring(separator + 1));
            OffsetDateTime at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            return Optional.of(new AccessLogCursor(at, id));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
