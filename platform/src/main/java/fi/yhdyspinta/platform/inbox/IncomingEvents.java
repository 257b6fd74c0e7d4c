package fi.yhdyspinta.platform.inbox;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;

/** Reads a consumed record: envelope and payload must match their schemas and the expected type. */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    public static CloudEvent read(String value, EventType expected) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("record value is not JSON");
        }
        List<String> errors = EventSchemas.eventErrors(tree);
        if (!errors.isEmpty()) {
            throw new PoisonEventException("event breaks its schema: " + errors);
        }
        if (!expected.type().equals(tree.path("type").asText())) {
            throw new PoisonEventException("expected event type " + expected.type() + " on topic " + expected.topic());
        }
        try {
            return EventJson.mapper().treeToValue(tree, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("envelope cannot be read");
        }
    }

    public static <T> T payload(CloudEvent event, Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + event.type() + " cannot be read as " + type.getSimpleName());
        }
    }
}
