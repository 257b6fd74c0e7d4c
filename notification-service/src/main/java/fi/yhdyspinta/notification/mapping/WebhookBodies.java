package fi.yhdyspinta.notification.mapping;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;

/**
 * The body of a webhook delivery: the CloudEvent's {@code type}, {@code id}, {@code subject} (the pseudonymous client
 * id), {@code time} and its data's ids, codes and states. The data is copied by shape, never by trust: a string is
 * kept only if it is a UUID, an organisation OID, a 64-hex pseudonym, an UPPER_CASE code or a timestamp; numbers and
 * booleans are kept; anything else (a name, free text, a henkilötunnus) is left out.
 */
public final class WebhookBodies {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern OID = Pattern.compile("^1\\.2\\.246\\.10(\\.[0-9]+)+$");
    private static final Pattern PSEUDONYM = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");

    private WebhookBodies() {
    }

    public static String of(CloudEvent event) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", event.type());
        body.put("id", event.id());
        body.put("subject", event.subject());
        if (event.time() != null) {
            body.put("time", event.time().toString());
        }
        body.set("data", event.data() == null ? JsonNodeFactory.instance.objectNode() : idsAndCodes(event.data()));
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body not writable", e);
        }
    }

    static JsonNode idsAndCodes(JsonNode node) {
        if (node.isObject()) {
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = idsAndCodes(field.getValue());
                if (value != null) {
                    kept.set(field.getKey(), value);
                }
            }
            return kept;
        }
        if (node.isArray()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> {
                JsonNode value = idsAndCodes(element);
                if (value != null) {
                    kept.add(value);
                }
            });
            return kept;
        }
        if (node.isTextual()) {
            return isIdOrCode(node.asText()) ? node : null;
        }
        return node.isNumber() || node.isBoolean() || node.isNull() ? node : null;
    }

    private static boolean isIdOrCode(String text) {
        return UUID.matcher(text).matches() || OID.matcher(text).matches() || PSEUDONYM.matcher(text).matches()
                || CODE.matcher(text).matches() || isTimestamp(text);
    }

    private static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
