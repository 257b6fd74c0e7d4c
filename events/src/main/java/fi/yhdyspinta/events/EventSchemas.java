package fi.yhdyspinta.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates envelopes and payloads against the JSON Schemas of this module. Producers validate
 * before an event enters the outbox; consumers validate what they read and dead-letter the rest.
 * The schemas allow ids, codes, states and timestamps only: no free text, so no personal data.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema ENVELOPE = load("schemas/cloudevent.v1.json");
    private static final Map<EventType, JsonSchema> PAYLOADS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            PAYLOADS.put(type, load(type.schemaResource()));
        }
    }

    private EventSchemas() {
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing event schema " + resource);
            }
            return FACTORY.getSchema(EventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable event schema " + resource, e);
        }
    }

    /** Problems with the payload of an event of this type; empty when it is valid. */
    public static List<String> payloadErrors(EventType type, JsonNode data) {
        return messages(PAYLOADS.get(type).validate(data));
    }

    /** Problems with the envelope and its payload; empty when both are valid. */
    public static List<String> eventErrors(JsonNode event) {
        List<String> envelope = messages(ENVELOPE.validate(event));
        if (!envelope.isEmpty()) {
            return envelope;
        }
        return EventType.ofType(event.path("type").asText())
                .map(type -> payloadErrors(type, event.path("data")))
                .orElse(List.of("unknown event type"));
    }

    private static List<String> messages(Set<ValidationMessage> result) {
        return result.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
