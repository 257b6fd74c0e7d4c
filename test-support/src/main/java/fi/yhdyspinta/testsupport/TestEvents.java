package fi.yhdyspinta.testsupport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

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

    /**
     * Sends an event to the topic of its family, keyed by the client id (the OID for an organisation), as
     * a producing service would.
     */
    public static CloudEvent publish(EventType type, String clientId, Object payload, String source) {
        CloudEvent event = event(type, clientId, payload, source);
        KafkaRecords.send(TestInfrastructure.get().kafka().bootstrapServers(), type.topic(), clientId, json(event));
        return event;
    }

    /** Whether the record is an event of this type: a family topic carries the family's other types too. */
    public static boolean isOfType(ConsumerRecord<String, String> record, EventType type) {
        try {
            return type.type().equals(tree(record.value()).path("type").asText());
        } catch (IllegalStateException notJson) {
            return false;
        }
    }

    /**
     * The events of this type on its family topic, read from the start of the topic until {@code until}
     * holds for those read so far (or the timeout passes).
     */
    public static List<ConsumerRecord<String, String>> read(EventType type,
            Predicate<List<ConsumerRecord<String, String>>> until, Duration timeout) {
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of(type.topic()),
                read -> until.test(ofType(read, type)), timeout);
        return ofType(records, type);
    }

    /** The events of this type whose value mentions {@code text} (an id), once at least one has arrived. */
    public static List<ConsumerRecord<String, String>> readAbout(EventType type, String text, Duration timeout) {
        return read(type, read -> read.stream().anyMatch(r -> r.value().contains(text)), timeout).stream()
                .filter(r -> r.value().contains(text)).toList();
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            EventType type) {
        return records.stream().filter(r -> isOfType(r, type)).toList();
    }
}
