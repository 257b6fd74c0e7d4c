package fi.yhdyspinta.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CloudEvents 1.0 envelope in structured mode: the whole event is the Kafka record value
 * ({@code application/cloudevents+json}). {@code subject} is the pseudonymous client id, which is
 * also the record key, so one client's events stay in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String correlationid,
        String causationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static CloudEvent of(String id, String source, EventType type, String subject, OffsetDateTime time,
            String correlationId, String causationId, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type.type(), subject, time, "application/json",
                correlationId, causationId, data);
    }
}
