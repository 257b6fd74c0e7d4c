package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading (resolved) OpenAPI 3.1 schemas: their type, codes, formats and limits, and which strings
 * are a henkilötunnus or an organisation OID. Henkilötunnus fields are recognised by name because
 * the documents describe them as plain strings.
 */
public final class Schemas {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Property and parameter names that carry a henkilötunnus (asiakkaan henkilötunnus). */
    private static final Set<String> HETU_NAMES = Set.of("client", "hetu", "henkilotunnus", "personalidentitycode",
            "ssn", "clienthetu");

    private Schemas() {
    }

    /** The schema's JSON type, reading 3.1 type arrays ({@code ["string","null"]}) and implied types. */
    public static String type(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return null;
    }

    public static List<JsonNode> enumValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        if (schema != null && schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    public static boolean isEnum(JsonNode schema) {
        return !enumValues(schema).isEmpty();
    }

    public static String format(JsonNode schema) {
        return schema != null && schema.has("format") ? schema.get("format").asText() : "";
    }

    public static String pattern(JsonNode schema) {
        return schema != null && schema.has("pattern") ? schema.get("pattern").asText() : null;
    }

    public static Integer intOf(JsonNode schema, String key) {
        return schema != null && schema.has(key) && schema.get(key).canConvertToInt() ? schema.get(key).asInt() : null;
    }

    public static boolean isString(JsonNode schema) {
        return "string".equals(type(schema));
    }

    public static boolean isUuid(JsonNode schema) {
        return isString(schema) && "uuid".equals(format(schema));
    }

    public static boolean isHetu(String name, JsonNode schema) {
        if (!isString(schema) || isEnum(schema)) {
            return false;
        }
        String format = format(schema).toLowerCase(Locale.ROOT);
        String description = schema.path("description").asText("").toLowerCase(Locale.ROOT);
        String bare = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return HETU_NAMES.contains(bare) || format.contains("hetu") || format.contains("henkilotunnus")
                || description.contains("henkilötunnus") || description.contains("henkilotunnus");
    }

    public static boolean isOid(String name, JsonNode schema) {
        if (!isString(schema) || isEnum(schema)) {
            return false;
        }
        String pattern = pattern(schema);
        return (pattern != null && pattern.contains("246")) || "oid".equalsIgnoreCase(format(schema))
                || "oid".equalsIgnoreCase(name);
    }

    /**
     * A pattern that is only an alternation of literal words ({@code sent|received}): its words, else empty.
     */
    public static List<String> literalAlternatives(String pattern) {
        if (pattern == null) {
            return List.of();
        }
        String bare = pattern.replaceAll("^\\^?\\(?", "").replaceAll("\\)?\\$?$", "");
        if (!bare.matches("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+")) {
            return List.of();
        }
        return List.of(bare.split("\\|"));
    }

    /**
     * Whether a value breaks what the schema declares. Conservative: patterns as JSON Schema reads
     * them (found anywhere), alternations of words as a whole, so that a "violation" is certain.
     */
    public static boolean violates(String name, JsonNode schema, String value) {
        if (schema == null) {
            return false;
        }
        if (isEnum(schema)) {
            return enumValues(schema).stream().noneMatch(v -> v.asText().equals(value));
        }
        if (isHetu(name, schema)) {
            return !Henkilotunnukset.isValid(value);
        }
        if (isOid(name, schema)) {
            return !Oids.isValid(value);
        }
        if (isUuid(schema)) {
            return !value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        }
        Integer maxLength = intOf(schema, "maxLength");
        if (maxLength != null && value.codePointCount(0, value.length()) > maxLength) {
            return true;
        }
        Integer minLength = intOf(schema, "minLength");
        if (minLength != null && value.codePointCount(0, value.length()) < minLength) {
            return true;
        }
        String type = type(schema);
        if ("integer".equals(type) || "number".equals(type)) {
            return !value.matches("-?[0-9]+(\\.[0-9]+)?");
        }
        if ("boolean".equals(type)) {
            return !value.equals("true") && !value.equals("false");
        }
        String pattern = pattern(schema);
        if (pattern != null) {
            List<String> words = literalAlternatives(pattern);
            if (!words.isEmpty()) {
                return !words.contains(value);
            }
            try {
                return !Pattern.compile(pattern).matcher(value).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return false;
    }

    /** Resolves {@code $ref}s (with sibling keywords), {@code allOf} and nested schemas of one document. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        return resolve(document, schema, 0);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        if (depth > 10) {
            return JSON.createObjectNode(); // a recursive schema: anything from here on
        }
        ObjectNode resolved = JSON.createObjectNode();
        if (schema.has("$ref")) {
            JsonNode target = document.at(schema.get("$ref").asText().replaceFirst("^#", ""));
            if (!target.isMissingNode()) {
                resolved.setAll((ObjectNode) resolve(document, target, depth + 1));
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                merge(resolved, (ObjectNode) resolve(document, part, depth + 1));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "$ref", "allOf" -> {
                }
                case "properties" -> {
                    ObjectNode properties = resolved.has("properties") ? (ObjectNode) resolved.get("properties")
                            : resolved.putObject("properties");
                    field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(),
                            resolve(document, p.getValue(), depth + 1)));
                }
                case "items", "additionalProperties" -> resolved.set(field.getKey(),
                        resolve(document, field.getValue(), depth + 1));
                case "oneOf", "anyOf" -> {
                    ArrayNode options = resolved.putArray(field.getKey());
                    field.getValue().forEach(option -> options.add(resolve(document, option, depth + 1)));
                }
                case "required" -> {
                    ArrayNode required = resolved.has("required") ? (ArrayNode) resolved.get("required")
                            : resolved.putArray("required");
                    field.getValue().forEach(required::add);
                }
                default -> resolved.set(field.getKey(), field.getValue());
            }
        }
        // oneOf/anyOf: generate and mutate along the first option
        for (String key : List.of("oneOf", "anyOf")) {
            if (resolved.has(key) && resolved.get(key).size() > 0 && type(resolved) == null) {
                merge(resolved, (ObjectNode) resolved.get(key).get(0));
            }
        }
        return resolved;
    }

    private static void merge(ObjectNode into, ObjectNode part) {
        part.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties") && into.has("properties")) {
                ((ObjectNode) into.get("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && into.has("required")) {
                ((ArrayNode) into.get("required")).addAll((ArrayNode) field.getValue());
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    public static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        if (schema != null && schema.has("required")) {
            schema.get("required").forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    public static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        if (schema != null && schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        }
        return properties;
    }
}
