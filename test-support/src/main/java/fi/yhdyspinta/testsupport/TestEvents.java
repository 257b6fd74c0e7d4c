package fi.yhdyspinta.testsupport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;

/** Builds and reads CloudEvents the way the services do, for tests that play another service. */
public final class TestEvents {

    private TestEvents() {
    }

    public static CloudEvent event(EventType type, String clientId, Object payload, String source) {
        return CloudEvent.of(UUID.randomUUID().toString(), source, type, clientId, OffsetDateTime.now(ZoneOffset.UTC),
                UUID.randomUUID().toString(), null, EventJson.mapper().valueToTree(payload));
    }

    public static String json(CloudEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(String value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** Sends an event to its topic, keyed by the client id, as a producing service would. */
    public static CloudEvent publish(EventType type, String clientId, Object payload, String source) {
        CloudEvent event = event(type, clientId, payload, source);
        KafkaRecords.send(TestInfrastructure.get().kafka().bootstrapServers(), type.topic(), clientId, json(event));
        return event;
    }
}
