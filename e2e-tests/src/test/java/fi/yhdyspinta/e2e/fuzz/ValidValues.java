package fi.yhdyspinta.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid values for a schema: henkilötunnukset with their check character, demo organisation OIDs,
 * codes, UUIDs of objects the services handed out, dates ahead, text within the declared limits.
 */
public final class ValidValues {

    private static final String TEXT = "abcdefghijklmnopqrstuvwxyzäöåABCDEFGHIJKLMNOPRSTUVYÄÖ0123456789 ,.-";

    private final IdPool pool;

    public ValidValues(IdPool pool) {
        this.pool = pool;
    }

    public Arbitrary<JsonNode> value(String name, JsonNode schema) {
        if (schema == null) {
            return Arbitraries.just(TextNode.valueOf("x"));
        }
        List<JsonNode> codes = Schemas.enumValues(schema);
        if (!codes.isEmpty()) {
            return Arbitraries.of(codes);
        }
        String type = Schemas.type(schema);
        if (type == null) {
            return Arbitraries.just(TextNode.valueOf("x"));
        }
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> array(name, schema);
            case "boolean" -> Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
            case "integer", "number" -> {
                Integer min = Schemas.intOf(schema, "minimum");
                Integer max = Schemas.intOf(schema, "maximum");
                yield Arbitraries.integers().between(min == null ? 0 : min, max == null ? 1000 : max)
                        .map(IntNode::valueOf);
            }
            default -> text(name, schema).map(TextNode::valueOf);
        };
    }

    /** A valid string for a string schema (and for path, query and header parameters). */
    public Arbitrary<String> text(String name, JsonNode schema) {
        List<JsonNode> codes = Schemas.enumValues(schema);
        if (!codes.isEmpty()) {
            return Arbitraries.of(codes).map(JsonNode::asText);
        }
        String format = Schemas.format(schema).toLowerCase(Locale.ROOT);
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (Schemas.isHetu(name, schema)) {
            return Henkilotunnukset.valid();
        }
        if (Schemas.isOid(name, schema)) {
            return Arbitraries.of(Oids.DEMO);
        }
        if (lower.contains("correlation") || lower.contains("idempotency")) {
            return Arbitraries.integers().between(0, 1_000_000).map(ValidValues::uuid);
        }
        if (format.equals("uuid")) {
            return Arbitraries.integers().between(0, 10_000).map(n -> n % 4 == 0 ? uuid(n)
                    : pool.pick(name, true, n).orElse(uuid(n)));
        }
        if (format.equals("date")) {
            return Arbitraries.integers().between(1, 700).map(d -> LocalDate.now().plusDays(d).toString());
        }
        if (format.equals("date-time")) {
            return Arbitraries.integers().between(1, 60 * 24).map(h -> OffsetDateTime.now(ZoneOffset.UTC)
                    .plusHours(h).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (format.equals("email") || lower.contains("email")) {
            return Arbitraries.integers().between(1, 999).map(n -> "fuzz" + n + "@example.fi");
        }
        if ("boolean".equals(Schemas.type(schema))) {
            return Arbitraries.of("true", "false");
        }
        if ("integer".equals(Schemas.type(schema)) || "number".equals(Schemas.type(schema))) {
            return Arbitraries.integers().between(0, 100).map(String::valueOf);
        }
        List<String> words = Schemas.literalAlternatives(Schemas.pattern(schema));
        if (!words.isEmpty()) {
            return Arbitraries.of(words);
        }
        Integer minLength = Schemas.intOf(schema, "minLength");
        Integer maxLength = Schemas.intOf(schema, "maxLength");
        int min = Math.max(1, minLength == null ? 1 : minLength);
        int max = Math.max(min, Math.min(maxLength == null ? 40 : maxLength, 60));
        Arbitrary<String> text = Arbitraries.strings().withChars(TEXT).ofMinLength(min - 1).ofMaxLength(max - 1)
                .map(s -> "K" + s);
        String pattern = Schemas.pattern(schema);
        if (pattern != null) {
            try {
                Pattern compiled = Pattern.compile(pattern);
                return text.map(s -> compiled.matcher(s).find() ? s : "Kuvaus");
            } catch (PatternSyntaxException e) {
                return text;
            }
        }
        return text;
    }

    private static String uuid(int n) {
        return UUID.nameUUIDFromBytes(("fuzz-valid-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Arbitrary<JsonNode> object(JsonNode schema) {
        Map<String, JsonNode> properties = Schemas.properties(schema);
        List<String> required = Schemas.required(schema);
        if (properties.isEmpty()) {
            return Arbitraries.just(JsonNodeFactory.instance.objectNode());
        }
        List<String> names = new ArrayList<>(properties.keySet());
        List<Arbitrary<Optional<JsonNode>>> values = new ArrayList<>();
        for (String name : names) {
            Arbitrary<JsonNode> value = Arbitraries.lazy(() -> value(name, properties.get(name)));
            values.add(required.contains(name) ? value.map(Optional::of) : value.optional(0.6));
        }
        return Combinators.combine(values).as(chosen -> {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                chosen.get(i).ifPresent(v -> object.set(names.get(index), v));
            }
            return object;
        });
    }

    private Arbitrary<JsonNode> array(String name, JsonNode schema) {
        JsonNode items = schema.path("items");
        Integer minItems = Schemas.intOf(schema, "minItems");
        Integer maxItems = Schemas.intOf(schema, "maxItems");
        int min = minItems == null ? 0 : minItems;
        int max = Math.max(min, Math.min(maxItems == null ? 3 : maxItems, 3));
        List<JsonNode> codes = Schemas.enumValues(items);
        boolean fewValues = !codes.isEmpty() || Schemas.isOid(name, items);
        if (fewValues) {
            max = Math.min(max, codes.isEmpty() ? Oids.DEMO.size() : codes.size());
        }
        Arbitrary<JsonNode> element = value(name, items);
        return element.list().ofMinSize(min).ofMaxSize(max).uniqueElements().map(list -> {
            var array = JsonNodeFactory.instance.arrayNode();
            list.forEach(array::add);
            return (JsonNode) array;
        });
    }
}
