package fi.yhdyspinta.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import fi.yhdyspinta.testsupport.oidc.TestUser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generated requests over every operation of the documents: valid, spoiled in one place, or from the wrong caller. */
public final class Requests {

    /** A valid request before anything is spoiled. */
    record Base(ApiOperation operation, Caller caller, Map<String, ParamValue> path, Map<String, ParamValue> query,
            Map<String, String> headers, ObjectNode body) {

        List<String> henkilotunnukset() {
            List<String> found = new ArrayList<>();
            collectHetu(body, found);
            path.values().forEach(v -> {
                if (v instanceof ParamValue.Literal l && Henkilotunnukset.isValid(l.text())) {
                    found.add(l.text());
                }
            });
            query.values().forEach(v -> {
                if (v instanceof ParamValue.Literal l && Henkilotunnukset.isValid(l.text())) {
                    found.add(l.text());
                }
            });
            return found;
        }

        FuzzRequest request(String mutation, Body spoiled, Expectation expectation, List<String> added) {
            List<String> hetu = new ArrayList<>(henkilotunnukset());
            hetu.addAll(added);
            return new FuzzRequest(operation, mutation, caller, path, query, headers, spoiled, expectation,
                    List.copyOf(hetu));
        }
    }

    private final List<ApiOperation> operations;
    private final ValidValues valid;
    private final Map<ApiOperation, Arbitrary<Base>> bases = new java.util.concurrent.ConcurrentHashMap<>();

    public Requests(List<ApiOperation> operations, IdPool pool) {
        this.operations = operations;
        this.valid = new ValidValues(pool);
    }

    /** Operations that some demo user may call. */
    private List<ApiOperation> callable() {
        return operations.stream().filter(op -> !Caller.allowed(op).isEmpty()).toList();
    }

    public Arbitrary<FuzzRequest> valid() {
        return Arbitraries.of(callable()).flatMap(op -> base(op).map(b -> b.request("nothing (valid request)",
                b.body() == null ? null : BodyMutations.json(b.body()), Expectation.any(), List.of())));
    }

    /** One body mutation of the given kind, on an operation that has a body and someone allowed to call it. */
    public Arbitrary<FuzzRequest> spoiledBodies(Function<ApiOperation, List<Arbitrary<BodyMutations.Mutation>>> kind) {
        List<ApiOperation> eligible = callable().stream().filter(ApiOperation::hasBody)
                .filter(op -> !kind.apply(op).isEmpty()).toList();
        if (eligible.isEmpty()) {
            throw new IllegalStateException("no operation of the documents takes a body this mutation applies to");
        }
        return Arbitraries.of(eligible).flatMap(op -> Combinators.combine(base(op), Arbitraries.oneOf(kind.apply(op)))
                .as((b, m) -> b.request(m.description(), m.apply().apply(b.body()), m.expectation(),
                        m.henkilotunnukset())));
    }

    /** One path, query or header parameter replaced by junk; the rest valid. */
    public Arbitrary<FuzzRequest> spoiledParameters() {
        List<ApiOperation> eligible = callable().stream().filter(op -> op.parameters().stream()
                .anyMatch(Requests::fuzzable)).toList();
        return Arbitraries.of(eligible).flatMap(op -> {
            List<ApiParameter> parameters = op.parameters().stream().filter(Requests::fuzzable).toList();
            Arbitrary<Tuple.Tuple2<ApiParameter, ParamMutations.Junk>> junk = Arbitraries.of(parameters)
                    .flatMap(p -> ParamMutations.junk(p).map(j -> Tuple.of(p, j)));
            return Combinators.combine(base(op), junk).as((b, pj) -> spoil(b, pj.get1(), pj.get2()));
        });
    }

    private static boolean fuzzable(ApiParameter parameter) {
        return !List.of("authorization", "content-type", "accept", "content-length", "host")
                .contains(parameter.name().toLowerCase());
    }

    private static FuzzRequest spoil(Base base, ApiParameter parameter, ParamMutations.Junk junk) {
        Map<String, ParamValue> path = new LinkedHashMap<>(base.path());
        Map<String, ParamValue> query = new LinkedHashMap<>(base.query());
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        switch (parameter.in()) {
            case "path" -> path.put(parameter.name(), junk.value());
            case "query" -> query.put(parameter.name(), junk.value());
            default -> headers.put(parameter.name(), junk.value().decoded(null));
        }
        String decoded = junk.value().decoded(null);
        boolean breaksDeclared = Schemas.violates(parameter.name(), parameter.schema(), decoded)
                && !(parameter.in().equals("query") && decoded.isEmpty());
        Expectation expected = breaksDeclared ? Expectation.named(parameter.name()) : Expectation.any();
        String how = parameter + ": " + junk.how() + (parameter.inferredCodes() ? " (codes inferred from the schemas)" : "");
        Base spoiled = new Base(base.operation(), base.caller(), path, query, headers, base.body());
        return spoiled.request(how, base.body() == null ? null : BodyMutations.json(base.body()), expected,
                junk.henkilotunnukset());
    }

    /** A valid request from a role the operation does not allow, or with no, a forged or another application's token. */
    public Arbitrary<FuzzRequest> wrongCallers() {
        List<ApiOperation> eligible = callable().stream().filter(ApiOperation::secured).toList();
        return Arbitraries.of(eligible).flatMap(op -> {
            List<Tuple.Tuple2<Integer, Arbitrary<Tuple.Tuple2<Caller, Expectation>>>> callers = new ArrayList<>();
            List<TestUser> refused = Caller.refused(op);
            if (!refused.isEmpty()) {
                callers.add(Tuple.of(6, Arbitraries.of(refused).map(u -> Tuple.of(Caller.as(u), Expectation.denied()))));
            }
            callers.add(Tuple.of(2, Arbitraries.just(Tuple.of(Caller.anonymous(), Expectation.unauthenticated()))));
            callers.add(Tuple.of(1, Arbitraries.of(Caller.allowed(op)).map(u -> Tuple.of(Caller.forged(u),
                    Expectation.unauthenticated()))));
            callers.add(Tuple.of(1, Arbitraries.of(Caller.allowed(op)).map(u -> Tuple.of(Caller.otherAudience(u),
                    Expectation.unauthenticated()))));
            return Combinators.combine(base(op), Arbitraries.frequencyOf(callers)).as((b, ce) -> b.request(
                    "nothing but the caller", b.body() == null ? null : BodyMutations.json(b.body()), ce.get2(),
                    List.of()).withCaller(ce.get1(), ce.get2()));
        });
    }

    // ---- the valid request of an operation -------------------------------------------------------

    private Arbitrary<Base> base(ApiOperation op) {
        return bases.computeIfAbsent(op, this::newBase);
    }

    private Arbitrary<Base> newBase(ApiOperation op) {
        Arbitrary<Caller> caller = Arbitraries.of(Caller.allowed(op)).map(Caller::as);
        Arbitrary<Map<String, ParamValue>> path = parameters(op, "path");
        Arbitrary<Map<String, ParamValue>> query = parameters(op, "query");
        Arbitrary<Map<String, String>> headers = parameters(op, "header").map(values -> {
            Map<String, String> texts = new LinkedHashMap<>();
            values.forEach((name, value) -> texts.put(name, value.decoded(null)));
            return texts;
        });
        Arbitrary<ObjectNode> body = op.hasBody()
                ? valid.value("", op.body()).map(b -> b.isObject() ? (ObjectNode) b : null)
                : Arbitraries.just(null);
        return Combinators.combine(caller, path, query, headers, body).as((c, p, q, h, b) -> {
            // The fuzzer never changes a demo organisation other tests rely on (registry entry, channels):
            // a registrar only ever names the fuzzer's own organisations, and so does any change addressed
            // to an organisation by path.
            if (c.isRegistrar() || op.method().equals("DELETE")) {
                return new Base(op, c, ownOids(p), ownOids(q), h, b == null ? null : (ObjectNode) ownOids(b));
            }
            return new Base(op, c, op.changesState() ? ownOids(p) : p, q, h, b);
        });
    }

    private Arbitrary<Map<String, ParamValue>> parameters(ApiOperation op, String in) {
        List<ApiParameter> parameters = op.parameters(in).stream().filter(Requests::fuzzable).toList();
        if (parameters.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<Optional<ParamValue>>> values = new ArrayList<>();
        for (ApiParameter p : parameters) {
            Arbitrary<ParamValue> value = validParameter(p);
            values.add(p.required() ? value.map(Optional::of) : value.optional(0.5));
        }
        return Combinators.combine(values).as(chosen -> {
            Map<String, ParamValue> map = new LinkedHashMap<>();
            for (int i = 0; i < parameters.size(); i++) {
                int index = i;
                chosen.get(i).ifPresent(v -> map.put(parameters.get(index).name(), v));
            }
            return map;
        });
    }

    private Arbitrary<ParamValue> validParameter(ApiParameter p) {
        if (!p.in().equals("header") && Schemas.isUuid(p.schema())) {
            return Arbitraries.integers().between(0, 10_000).map(n -> n % 5 == 0
                    ? new ParamValue.Literal(UUID.nameUUIDFromBytes(("fuzz-" + n).getBytes(StandardCharsets.UTF_8)).toString())
                    : new ParamValue.Pooled(p.name(), true, n));
        }
        if (p.in().equals("path") && p.name().endsWith("Id") && !Schemas.isHetu(p.name(), p.schema())
                && !Schemas.isOid(p.name(), p.schema()) && !Schemas.isEnum(p.schema())) {
            return Arbitraries.integers().between(0, 10_000).map(n -> new ParamValue.Pooled(p.name(), false, n));
        }
        return valid.text(p.name(), p.schema()).map(ParamValue.Literal::new);
    }

    private static Map<String, ParamValue> ownOids(Map<String, ParamValue> values) {
        Map<String, ParamValue> own = new LinkedHashMap<>();
        values.forEach((name, value) -> own.put(name, value instanceof ParamValue.Literal l
                ? new ParamValue.Literal(ownOid(l.text())) : value));
        return own;
    }

    private static JsonNode ownOids(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(ownOid(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), ownOids(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(e -> copy.add(ownOids(e)));
            return copy;
        }
        return node;
    }

    private static String ownOid(String text) {
        int demo = Oids.DEMO.indexOf(text);
        return demo < 0 ? text : Oids.OWN.get(demo % Oids.OWN.size());
    }

    private static void collectHetu(JsonNode node, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && Henkilotunnukset.isValid(node.asText())) {
            found.add(node.asText());
        }
        node.forEach(child -> collectHetu(child, found));
    }
}
