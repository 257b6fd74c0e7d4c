package fi.yhdyspinta.e2e.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Ways to spoil a valid request body, by kind. Each mutation knows which field it spoiled, so the
 * answer can be held to naming it.
 */
public final class BodyMutations {

    /** A spoiled body: how, what the answer must be, henkilötunnukset it added, and how to make it from a valid body. */
    public record Mutation(String description, Expectation expectation, List<String> henkilotunnukset,
            Function<ObjectNode, Body> apply) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "__fuzz_raw_7f3a__";

    private BodyMutations() {
    }

    // ---- unknown and server-owned fields -------------------------------------------------------

    public static List<Arbitrary<Mutation>> unknownFields(ApiOperation operation) {
        List<Arbitrary<Mutation>> mutations = new ArrayList<>();
        List<Target> objects = Target.objects(operation.body());
        Arbitrary<Target> object = Arbitraries.of(objects);
        mutations.add(Combinators.combine(object, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3)
                .ofMaxLength(12), scalarJunk()).as((o, name, value) -> {
                    String field = Schemas.properties(o.schema()).containsKey(name) ? name + "X" : name;
                    return set(o.path().property(field), value, "unknown field '" + field + "'");
                }));
        List<String> owned = new ArrayList<>(operation.serverOwned());
        if (!owned.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(owned), ownedValue()).as((name, value) -> set(
                    FieldPath.root().property(name), value, "server-owned field '" + name + "'")));
        }
        List<String> known = new ArrayList<>(Schemas.properties(operation.body()).keySet());
        if (!known.isEmpty()) {
            mutations.add(Arbitraries.of(known).map(name -> {
                String variant = name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT)
                        : name.toUpperCase(Locale.ROOT);
                return new Mutation("field '" + variant + "' (another case of '" + name + "')", Expectation.named(variant),
                        List.of(), body -> {
                            ObjectNode copy = body.deepCopy();
                            JsonNode value = copy.remove(name);
                            copy.set(variant, value == null ? TextNode.valueOf("x") : value);
                            return json(copy);
                        });
            }));
        }
        return mutations;
    }

    private static Arbitrary<JsonNode> scalarJunk() {
        return Arbitraries.of(TextNode.valueOf("x"), IntNode.valueOf(1), BooleanNode.TRUE, NullNode.instance,
                NODES.objectNode().put("a", 1), NODES.arrayNode().add("x"), TextNode.valueOf("ACTIVE"));
    }

    private static Arbitrary<JsonNode> ownedValue() {
        return Arbitraries.of(TextNode.valueOf("7b0e2a3c-1d4f-4a5b-9c6d-0e1f2a3b4c5d"), TextNode.valueOf("ACTIVE"),
                TextNode.valueOf("SENT"), TextNode.valueOf("nurse"), TextNode.valueOf(Oids.DEMO.get(0)),
                TextNode.valueOf("2020-01-01T00:00:00Z"), IntNode.valueOf(0), BooleanNode.TRUE);
    }

    // ---- wrong types, numbers for codes, missing and null required fields, bad formats -------

    public static List<Arbitrary<Mutation>> wrongTypes(ApiOperation operation) {
        List<Target> targets = Target.of(operation.body());
        List<Arbitrary<Mutation>> mutations = new ArrayList<>();
        if (targets.isEmpty()) {
            return mutations;
        }
        mutations.add(Arbitraries.of(targets).flatMap(t -> Arbitraries.of(wrongTypeValues(t))
                .map(v -> set(t.path(), v, "wrong JSON type " + abbreviate(v) + " for " + t.type() + " at '" + t.path() + "'"))));
        List<Target> codes = targets.stream().filter(t -> Schemas.isEnum(t.schema())).toList();
        if (!codes.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(codes), Arbitraries.of(IntNode.valueOf(0),
                    IntNode.valueOf(1), IntNode.valueOf(2), IntNode.valueOf(-1), IntNode.valueOf(99),
                    DoubleNode.valueOf(1.0), TextNode.valueOf("2"), TextNode.valueOf("routine"),
                    TextNode.valueOf(" ROUTINE"))).as((t, v) -> set(t.path(), v,
                            "code given as " + abbreviate(v) + " at '" + t.path() + "'")));
        }
        List<Target> required = targets.stream().filter(Target::required).toList();
        if (!required.isEmpty()) {
            mutations.add(Arbitraries.of(required).map(t -> new Mutation("required '" + t.path() + "' missing",
                    Expectation.named(t.path().toString()), List.of(), body -> {
                        ObjectNode copy = body.deepCopy();
                        t.path().remove(copy);
                        return json(copy);
                    })));
            mutations.add(Arbitraries.of(required).map(t -> set(t.path(), NullNode.instance,
                    "required '" + t.path() + "' is null")));
        }
        List<Target> strict = targets.stream().filter(t -> "string".equals(t.type()) && (Schemas.isEnum(t.schema())
                || t.isHetu() || t.isOid() || !Schemas.format(t.schema()).isEmpty() || t.schema().has("pattern")
                || t.schema().has("minLength"))).toList();
        if (!strict.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(strict), Arbitraries.of("", " ", "\t"))
                    .as((t, v) -> set(t.path(), TextNode.valueOf(v), "blank '" + t.path() + "'")));
        }
        List<Target> formatted = targets.stream().filter(t -> List.of("uuid", "date", "date-time")
                .contains(Schemas.format(t.schema()))).toList();
        if (!formatted.isEmpty()) {
            mutations.add(Arbitraries.of(formatted).flatMap(t -> Arbitraries.of(badFormats(Schemas.format(t.schema())))
                    .map(v -> set(t.path(), TextNode.valueOf(v), "not a " + Schemas.format(t.schema()) + ": '" + v
                            + "' at '" + t.path() + "'"))));
        }
        return mutations;
    }

    private static List<JsonNode> wrongTypeValues(Target target) {
        JsonNode deep = nested(50, true);
        return switch (String.valueOf(target.type())) {
            case "array" -> List.of(TextNode.valueOf("NEED_SUMMARY"), IntNode.valueOf(1), NODES.objectNode(),
                    BooleanNode.TRUE, NODES.objectNode().put("0", "x"));
            case "object" -> List.of(TextNode.valueOf("x"), IntNode.valueOf(1), NODES.arrayNode(), BooleanNode.FALSE);
            case "boolean" -> List.of(TextNode.valueOf("ja"), IntNode.valueOf(2), NODES.arrayNode(),
                    NODES.objectNode());
            case "integer", "number" -> List.of(TextNode.valueOf("abc"), BooleanNode.TRUE, NODES.arrayNode(),
                    NODES.objectNode(), new DecimalNode(new BigDecimal("1e400")));
            default -> List.of(IntNode.valueOf(12345), DoubleNode.valueOf(1.5), BooleanNode.TRUE, NODES.arrayNode(),
                    NODES.arrayNode().add("x"), NODES.objectNode(), NODES.objectNode().put("a", 1), deep);
        };
    }

    private static List<String> badFormats(String format) {
        return switch (format) {
            case "uuid" -> List.of("not-a-uuid", "123e4567-e89b-12d3-a456-42661417400G",
                    "123e4567-e89b-12d3-a456-4266141740000", "123e4567e89b12d3a456426614174000x", "{}", "0");
            case "date" -> List.of("2027-02-30", "31.12.2027", "2027-13-01", "2027-1-1", "tomorrow", "2027-02-29",
                    "20270101");
            default -> List.of("tomorrow", "2027-01-01T25:00:00Z", "2027-02-30T10:00:00Z", "1.1.2027 klo 10",
                    "2027-01-01T10:00:00+25:00");
        };
    }

    // ---- over-long strings and huge arrays --------------------------------------------------------

    public static List<Arbitrary<Mutation>> sizes(ApiOperation operation) {
        List<Target> targets = Target.of(operation.body());
        List<Arbitrary<Mutation>> mutations = new ArrayList<>();
        List<Target> strings = targets.stream().filter(t -> "string".equals(t.type())).toList();
        if (!strings.isEmpty()) {
            // a length within the field's documented maxLength is a valid value: any answer but a 5xx will do
            mutations.add(Combinators.combine(Arbitraries.of(strings), Arbitraries.of(1_000, 4_001, 10_000, 30_000),
                    Arbitraries.of("a", "ä", "9", "😀")).as((t, n, c) -> {
                        String value = c.repeat(n);
                        Integer max = Schemas.intOf(t.schema(), "maxLength");
                        boolean allowed = max != null && value.codePointCount(0, value.length()) <= max;
                        String description = n + " x '" + c + "' at '" + t.path() + "'" + (allowed ? " (allowed)" : "");
                        return new Mutation(description, allowed ? Expectation.any() : Expectation.named(t.path().toString()),
                                List.of(), body -> {
                                    ObjectNode copy = body.deepCopy();
                                    t.path().set(copy, TextNode.valueOf(value));
                                    return json(copy);
                                });
                    }));
        }
        List<Target> limited = strings.stream().filter(t -> t.schema().has("maxLength")).toList();
        if (!limited.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(limited), Arbitraries.integers().between(1, 40))
                    .as((t, extra) -> {
                        int n = Schemas.intOf(t.schema(), "maxLength") + extra;
                        return set(t.path(), TextNode.valueOf("K" + "x".repeat(n - 1)),
                                n + " characters (maxLength " + (n - extra) + ") at '" + t.path() + "'");
                    }));
        }
        List<Target> arrays = targets.stream().filter(t -> "array".equals(t.type())).toList();
        if (!arrays.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(arrays), Arbitraries.of(1, 2, 1_000, 10_000))
                    .as((t, extra) -> {
                        Integer max = Schemas.intOf(t.schema(), "maxItems");
                        int n = extra <= 2 ? (max == null ? 1_000 : max + extra) : extra;
                        return new Mutation(n + " elements at '" + t.path() + "'" + (max == null ? "" : " (maxItems " + max + ")"),
                                Expectation.named(t.path().toString()), List.of(), body -> {
                                    ObjectNode copy = body.deepCopy();
                                    JsonNode existing = t.path().get(copy);
                                    JsonNode element = existing.isArray() && existing.size() > 0 ? existing.get(0)
                                            : TextNode.valueOf("x");
                                    ArrayNode huge = NODES.arrayNode();
                                    for (int i = 0; i < n; i++) {
                                        huge.add(element.deepCopy());
                                    }
                                    t.path().set(copy, huge);
                                    return json(copy);
                                });
                    }));
        }
        List<Target> numbers = targets.stream().filter(t -> "integer".equals(t.type()) || "number".equals(t.type()))
                .toList();
        if (!numbers.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(numbers), Arbitraries.of(new BigDecimal("1e20"),
                    new BigDecimal("-1e20"), new BigDecimal("99999999999999999999999999999"))).as((t, v) -> set(
                            t.path(), new DecimalNode(v), v + " at '" + t.path() + "'")));
        }
        return mutations;
    }

    // ---- henkilötunnus and OID fields ------------------------------------------------------------

    public static List<Arbitrary<Mutation>> henkilotunnukset(ApiOperation operation) {
        List<Target> targets = Target.of(operation.body()).stream().filter(Target::isHetu).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        return List.of(Combinators.combine(Arbitraries.of(targets), Henkilotunnukset.spoiled()).as((t, spoiled) -> {
            Mutation m = set(t.path(), TextNode.valueOf(spoiled.value()), "henkilötunnus at '" + t.path() + "': "
                    + spoiled.how());
            return new Mutation(m.description(), m.expectation(), List.of(spoiled.value()), m.apply());
        }));
    }

    public static List<Arbitrary<Mutation>> oids(ApiOperation operation) {
        List<Target> targets = Target.of(operation.body()).stream().filter(Target::isOid).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        return List.of(Combinators.combine(Arbitraries.of(targets), Oids.spoiled()).as((t, spoiled) -> set(t.path(),
                TextNode.valueOf(spoiled.value()), "organisation OID at '" + t.path() + "': " + spoiled.how())));
    }

    // ---- bodies broken as a whole ----------------------------------------------------------------

    public static List<Arbitrary<Mutation>> brokenBodies(ApiOperation operation) {
        boolean mustHaveContent = operation.bodyRequired() || !Schemas.required(operation.body()).isEmpty();
        Expectation notJsonObject = mustHaveContent ? Expectation.refused() : Expectation.any();
        List<Arbitrary<Mutation>> mutations = new ArrayList<>();
        mutations.add(Arbitraries.of("{", "}", "{\"", "{'client': 'x'}", "{\"a\":1,}", "{\"a\" 1}", "[1,2", "nul",
                "NaN", "{\"a\":1} /* comment */", "\u0000", "{\"a\":\"\\uZZZZ\"}", "{\"a\":01}", "<xml/>",
                "{\"a\":1}}").map(text -> raw(text, "malformed JSON " + abbreviate(TextNode.valueOf(text)),
                        Expectation.refused())));
        mutations.add(Arbitraries.integers().between(1, 60).map(percent -> new Mutation(
                "valid body cut at " + percent + "%", Expectation.refused(), List.of(), body -> {
                    String text = write(body);
                    return Body.json(text.substring(0, Math.max(1, text.length() * percent / 100)));
                })));
        mutations.add(Arbitraries.of("", " ", "\n\n", "null", "[]", "[{}]", "\"text\"", "42", "true")
                .map(text -> raw(text, "body " + (text.isBlank() ? "empty" : text), notJsonObject)));
        mutations.add(Arbitraries.of(2_000, 20_000, 100_000).map(depth -> raw("[".repeat(depth) + "]".repeat(depth),
                "arrays nested " + depth + " deep", Expectation.refused())));
        List<Target> targets = Target.of(operation.body());
        if (!targets.isEmpty()) {
            mutations.add(Combinators.combine(Arbitraries.of(targets), Arbitraries.of(1_000, 5_000),
                    Arbitraries.of(true, false)).as((t, depth, arrays) -> new Mutation((arrays ? "arrays" : "objects")
                            + " nested " + depth + " deep at '" + t.path() + "'", Expectation.refused(), List.of(),
                            body -> {
                                ObjectNode copy = body.deepCopy();
                                t.path().set(copy, TextNode.valueOf(RAW));
                                String nested = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                                return Body.json(write(copy).replace("\"" + RAW + "\"", nested));
                            })));
        }
        mutations.add(Arbitraries.integers().between(65 * 1024 + 1, 150_000).map(size -> new Mutation(
                "valid body padded with spaces to " + size + " bytes", Expectation.exactly(413), List.of(), body -> {
                    String text = write(body);
                    return Body.json(text + " ".repeat(Math.max(0, size - text.length())));
                })));
        mutations.add(Arbitraries.integers().between(65 * 1024 + 1, 150_000).map(size -> new Mutation(
                "valid body with a " + size + "-character unknown field", Expectation.refused(), List.of(), body -> {
                    ObjectNode copy = body.deepCopy();
                    copy.put("padding", "x".repeat(size));
                    return json(copy);
                })));
        mutations.add(Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
                new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 })
                .map(bytes -> new Mutation("invalid UTF-8 in a string", bytes[0] == (byte) 0xED
                        // an encoded lone surrogate: parsers differ (Jackson reads it); it must only never be a 5xx
                        ? Expectation.any() : Expectation.refused(), List.of(), body -> {
                    String text = write(body);
                    int quote = text.indexOf("\":\"");
                    byte[] head = text.substring(0, quote < 0 ? 1 : quote + 3).getBytes(StandardCharsets.UTF_8);
                    byte[] tail = text.substring(quote < 0 ? 1 : quote + 3).getBytes(StandardCharsets.UTF_8);
                    byte[] all = new byte[head.length + bytes.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(bytes, 0, all, head.length, bytes.length);
                    System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
                    return new Body("application/json", all);
                })));
        mutations.add(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x").map(type -> new Mutation("valid body sent as " + type,
                        Expectation.exactly(415), List.of(), body -> new Body(type,
                                write(body).getBytes(StandardCharsets.UTF_8)))));
        return mutations;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Mutation set(FieldPath path, JsonNode value, String description) {
        return new Mutation(description, Expectation.named(path.toString()), List.of(), body -> {
            ObjectNode copy = body.deepCopy();
            path.set(copy, value);
            return json(copy);
        });
    }

    private static Mutation raw(String text, String description, Expectation expectation) {
        return new Mutation(description, expectation, List.of(), body -> Body.json(text));
    }

    static JsonNode nested(int depth, boolean arrays) {
        JsonNode node = TextNode.valueOf("x");
        for (int i = 0; i < depth; i++) {
            node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    static Body json(JsonNode body) {
        return Body.json(write(body));
    }

    static String write(JsonNode body) {
        try {
            return Schemas.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
