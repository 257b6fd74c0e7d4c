package fi.yhdyspinta.ops.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a record's CloudEvent envelope into an {@link EventSummary}: the envelope's attributes only, streamed
 * field by field, so that the {@code data} member is skipped unread. An attribute that is not shaped like an id,
 * a code or a state (free text, anything with a henkilötunnus shape) is replaced by {@link #HIDDEN}: a producer's
 * mistake must not reach an ops screen.
 */
public final class EventSummaries {

    /** What stands in for an attribute that is not an id, a code or a state. */
    public static final String HIDDEN = "(hidden)";
    /** Characters of the subject (pseudonymous client id or organisation OID) shown. */
    static final int SUBJECT_SHOWN = 12;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids, codes, OIDs, URIs of producers: no spaces, no free text. */
    private static final Pattern ID_LIKE = Pattern.compile("/?[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    /** A henkilötunnus with any century sign, or six digits standing on their own (a birth date). */
    private static final Pattern HENKILOTUNNUS_SHAPE = Pattern
            .compile("[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]|(?<![0-9a-fA-F])[0-9]{6}(?![0-9a-fA-F])");

    private EventSummaries() {
    }

    /** The summary of one record's value; {@code null} values and values that are no JSON object yield a summary of place only. */
    public static EventSummary of(String topic, int partition, long offset, String value) {
        Envelope envelope = new Envelope();
        if (value != null) {
            try (JsonParser parser = JSON.createParser(value)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        JsonToken token = parser.nextToken();
                        if (token == JsonToken.VALUE_STRING) {
                            envelope.put(field, parser.getText());
                        } else {
                            parser.skipChildren(); // data and any extension object: never read
                        }
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not a CloudEvent: what was read so far is all ops get
            }
        }
        return new EventSummary(topic, partition, offset, envelope.time, idOrHidden(envelope.id),
                idOrHidden(envelope.type), shortSubject(envelope.subject), idOrHidden(envelope.correlationId),
                idOrHidden(envelope.causationId), idOrHidden(envelope.source));
    }

    /** The first {@value #SUBJECT_SHOWN} characters of an id-shaped subject, then an ellipsis. */
    public static String shortSubject(String subject) {
        String kept = idOrHidden(subject);
        if (kept == null || kept.equals(HIDDEN) || kept.length() <= SUBJECT_SHOWN) {
            return kept;
        }
        return kept.substring(0, SUBJECT_SHOWN) + "…";
    }

    public static String idOrHidden(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!ID_LIKE.matcher(value).matches() || HENKILOTUNNUS_SHAPE.matcher(value).find()) {
            return HIDDEN;
        }
        return value;
    }

    private static final class Envelope {
        String id;
        String type;
        String subject;
        String source;
        String correlationId;
        String causationId;
        OffsetDateTime time;

        void put(String field, String text) {
            switch (field) {
                case "id" -> id = text;
                case "type" -> type = text;
                case "subject" -> subject = text;
                case "source" -> source = text;
                case "correlationid" -> correlationId = text;
                case "causationid" -> causationId = text;
                case "time" -> time = parseTime(text);
                default -> {
                    // specversion, datacontenttype, a string data: not shown
                }
            }
        }

        private static OffsetDateTime parseTime(String text) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
