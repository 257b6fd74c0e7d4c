package fi.yhdyspinta.platform.openapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * An example for every JSON request and success body that has none, built from its schema with test data: a test
 * henkilötunnus (individual number 900–999), organisation OIDs under 1.2.246.10., the first code of each code list,
 * fixed UUIDs and times. A field whose pattern it does not know is left out rather than shown wrong.
 */
final class SchemaExamples {

    /** A valid test henkilötunnus (individual number 900: a test identity, never a real person). */
    static final String HENKILOTUNNUS = "010190-900P";
    static final String OWN_ORGANISATION = "1.2.246.10.1234567.10.1";
    static final String OTHER_ORGANISATION = "1.2.246.10.7654321.10.1";
    /** A pseudonymous client id: 64 hex digits (HMAC-SHA256 of the henkilötunnus with the county key). */
    static final String CLIENT_ID = "9f2c4e1a7b3d5f60812a4c6e8b0d2f4163a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3";
    private static final String OID_PATTERN_START = "^1\\.2\\.246\\.10";
    private static final int MAX_DEPTH = 6;

    private final Components components;

    SchemaExamples(Components components) {
        this.components = components;
    }

    void addTo(Operation operation) {
        if (operation.getRequestBody() != null) {
            fill(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getRef() == null) {
                    fill(response.getContent());
                }
            });
        }
    }

    private void fill(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && media.getSchema() != null && media.getExample() == null
                    && (media.getExamples() == null || media.getExamples().isEmpty())) {
                Object example = value(null, media.getSchema(), 0, new HashSet<>());
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }

    private Object value(String name, Schema schema, int depth, Set<String> seen) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            String component = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            Schema target = components.getSchemas() == null ? null : components.getSchemas().get(component);
            if (target == null || !seen.add(component)) {
                return null;
            }
            try {
                return value(name, target, depth + 1, seen);
            } finally {
                seen.remove(component);
            }
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                if (value(name, part, depth + 1, seen) instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            return merged;
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return value(name, schema.getOneOf().get(0), depth + 1, seen);
        }
        SchemaType type = type(schema);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> object(schema, depth, seen);
            case ARRAY -> {
                Object item = value(name, schema.getItems(), depth + 1, seen);
                yield item == null ? List.of() : List.of(item);
            }
            case INTEGER -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
            case NUMBER -> schema.getMinimum() != null ? schema.getMinimum() : 1.0;
            case BOOLEAN -> Boolean.TRUE;
            case STRING -> string(name, schema);
            default -> null;
        };
    }

    private Map<String, Object> object(Schema schema, int depth, Set<String> seen) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, propertySchema) -> {
                Object value = value(property, propertySchema, depth + 1, seen);
                if (value != null) {
                    object.put(property, value);
                }
            });
        }
        return object;
    }

    private static SchemaType type(Schema schema) {
        if (schema.getType() != null) {
            List<SchemaType> types = new ArrayList<>(schema.getType());
            types.remove(SchemaType.NULL);
            if (!types.isEmpty()) {
                return types.get(0);
            }
        }
        return schema.getProperties() != null ? SchemaType.OBJECT : null;
    }

    private static String string(String name, Schema schema) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String pattern = schema.getPattern();
        switch (format) {
            case "uuid":
                return UUID.nameUUIDFromBytes(("yhdyspinta-example-" + lower).getBytes(StandardCharsets.UTF_8))
                        .toString();
            case "date-time":
                return "2026-11-23T09:30:00+02:00";
            case "date":
                return "2026-11-23";
            case "email":
                return "yksikko@example.fi";
            case "uri", "url":
                return "https://example.fi/yhdyspinta";
            default:
                break;
        }
        if (pattern != null && pattern.startsWith(OID_PATTERN_START) || lower.contains("organisation")
                || lower.endsWith("oid") || lower.contains("recipient") || lower.contains("discloser")) {
            return lower.contains("target") || lower.contains("receiver") || lower.contains("recipient")
                    ? OTHER_ORGANISATION : OWN_ORGANISATION;
        }
        if (lower.equals("client") || lower.contains("hetu") || lower.contains("henkilotunnus")) {
            return HENKILOTUNNUS;
        }
        if (lower.equals("clientid")) {
            return CLIENT_ID;
        }
        if (pattern != null) {
            return null;
        }
        String text = name == null ? "esimerkki" : "esimerkki: " + name;
        Integer max = schema.getMaxLength();
        return max != null && text.length() > max ? text.substring(0, max) : text;
    }
}
