package fi.yhdyspinta.e2e.matrix;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import fi.yhdyspinta.e2e.matrix.Fixtures.Fixture;

/**
 * One row of the authorization matrix: an operation of a service's OpenAPI document, on an object in
 * one state, and the answer every actor gets. Actors not named get {@code otherwise} (403: the role
 * may not use the operation at all); no token always gets 401.
 */
public final class Rule {

    final String service;
    final String method;
    final String path;
    final String fixture;
    final Map<Who, Integer> expected = new EnumMap<>(Who.class);
    Function<Fixture, Object> body;
    Function<Fixture, String> query;
    /** A 2xx answer changes the object: such a case gets a fresh object of its own. */
    boolean changes;
    String note = "";
    String prefix;

    private Rule(String service, String method, String path, String fixture) {
        this.service = service;
        this.method = method;
        this.path = path;
        this.fixture = fixture;
    }

    public static Rule on(String service, String method, String path, String fixture) {
        return new Rule(service, method, path, fixture);
    }

    public Rule expect(int status, Who... who) {
        for (Who w : who) {
            expected.put(w, status);
        }
        return this;
    }

    public Rule body(Function<Fixture, Object> body) {
        this.body = body;
        return this;
    }

    public Rule query(Function<Fixture, String> query) {
        this.query = query;
        return this;
    }

    /** Leading path segments put before the object's id (e.g. the topic of a dead letter). */
    public Rule pathPrefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    public Rule changes() {
        this.changes = true;
        return this;
    }

    public Rule note(String note) {
        this.note = note;
        return this;
    }

    /** Fills in every actor not named: {@code status} for all, 401 without a token. */
    public Rule otherwise(int status) {
        for (Who w : Who.values()) {
            expected.putIfAbsent(w, w == Who.ANONYMOUS ? 401 : status);
        }
        expected.put(Who.ANONYMOUS, 401);
        return this;
    }

    public String operation() {
        return method + " " + path;
    }

    /** The path with its parameter filled from the object. */
    String concretePath(Fixture object) {
        // an object id of several segments ("consents/0/42") fills several parameters in order
        String id = object.id() == null ? "" : object.id();
        if (prefix != null) {
            id = prefix + "/" + id;
        }
        String[] segments = id.split("/");
        java.util.regex.Matcher parameters = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(path);
        StringBuilder filled = new StringBuilder();
        int index = 0;
        while (parameters.find()) {
            String value = segments.length > 1 && index < segments.length ? segments[index] : id;
            parameters.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(value));
            index++;
        }
        parameters.appendTail(filled);
        String concrete = filled.toString();
        return query == null ? concrete : concrete + "?" + query.apply(object);
    }

    @Override
    public String toString() {
        return service + " " + operation() + " [" + fixture + "]";
    }
}
