package fi.yhdyspinta.platform.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventJson;

/**
 * What ops may see of a dead-letter record: its place, the headers the dead-letter strategy added, and
 * the CloudEvent's id, type and subject. The event's data is never read out. Texts are shortened and
 * anything shaped like a henkilötunnus is masked, in case a record came from a producer that broke the
 * rules (its subject or key might then be anything).
 */
final class DeadLetterRecords {

    static final String REASON = "dead-letter-reason";
    static final String ORIGINAL_PARTITION = "dead-letter-partition";
    static final String ORIGINAL_OFFSET = "dead-letter-offset";

    /**
     * Shaped like a henkilötunnus, in either case, standing on its own: not part of a longer run of letters and
     * digits, so that a UUID's last group (e.g. {@code 120383c28269}) is never taken for one.
     */
    private static final Pattern HENKILOTUNNUS = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y](?![0-9A-Za-z])", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TEXT = 300;

    private DeadLetterRecords() {
    }

    static DeadLetterView view(String topic, ConsumerRecord<byte[], byte[]> record) {
        JsonNode event = envelope(record.value());
        String subject = text(event, "subject");
        if (subject == null && record.key() != null) {
            subject = safe(new String(record.key(), StandardCharsets.UTF_8));
        }
        return new DeadLetterView(topic, record.topic(), record.partition(), record.offset(), time(record.timestamp()),
                integer(header(record, ORIGINAL_PARTITION)), number(header(record, ORIGINAL_OFFSET)),
                text(event, "id"), text(event, "type"), subject, header(record, REASON), null);
    }

    /** The CloudEvent id of the record, if it has one. */
    static String eventId(ConsumerRecord<byte[], byte[]> record) {
        return text(envelope(record.value()), "id");
    }

    private static JsonNode envelope(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode tree = EventJson.mapper().readTree(value);
            return tree != null && tree.isObject() ? tree : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // not JSON: a poison record, shown without event attributes
        }
    }

    private static String text(JsonNode event, String attribute) {
        if (event == null || !event.path(attribute).isTextual()) {
            return null;
        }
        return safe(event.path(attribute).asText());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : safe(new String(header.value(), StandardCharsets.UTF_8));
    }

    static String safe(String text) {
        String masked = HENKILOTUNNUS.matcher(text).replaceAll("[masked]").replaceAll("\\p{Cntrl}", " ");
        return masked.length() > MAX_TEXT ? masked.substring(0, MAX_TEXT) + "…" : masked;
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime time(long timestamp) {
        return timestamp < 0 ? null : Instant.ofEpochMilli(timestamp).atOffset(ZoneOffset.UTC);
    }
}
