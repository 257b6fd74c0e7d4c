package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of issue 6 for every answer: never 5xx; every 4xx is RFC 9457 problem+json with
 * {@code type}, {@code title} and {@code status}; no stack trace; no henkilötunnus of the request in an
 * error; bad input refused, and a 400 names the offending field or parameter.
 */
public final class Verdict {

    private static final List<String> STACK_TRACE_MARKERS = List.of("\tat ", "at fi.", "at java.", "at io.",
            "at org.", "java.lang.", "Exception", "Caused by:", "StackOverflow");

    private Verdict() {
    }

    /** What is wrong with the answer; empty when it keeps every rule. */
    public static List<String> violations(Exchange exchange, List<String> henkilotunnukset) {
        List<String> wrong = new ArrayList<>();
        if (exchange.failure() != null) {
            wrong.add("no HTTP answer: " + exchange.failure());
            return wrong;
        }
        int status = exchange.status();
        Expectation expected = exchange.request().expectation();
        if (status >= 500) {
            wrong.add("answered " + status + " (a server error) to client input");
        }
        JsonNode json = exchange.json();
        if (status >= 400 && status < 500) {
            if (!exchange.contentType().toLowerCase().startsWith("application/problem+json")) {
                wrong.add(status + " is not application/problem+json but '" + exchange.contentType() + "'");
            } else if (json == null || !json.isObject()) {
                wrong.add(status + " problem+json body is not a JSON object");
            } else {
                if (!json.path("type").isTextual() || !json.path("title").isTextual()) {
                    wrong.add("problem lacks type or title");
                }
                if (json.path("status").asInt(-1) != status) {
                    wrong.add("problem status " + json.path("status") + " differs from HTTP " + status);
                }
            }
        }
        for (String marker : STACK_TRACE_MARKERS) {
            if (exchange.body().contains(marker)) {
                wrong.add("answer shows a stack trace or exception (" + marker.trim() + ")");
                break;
            }
        }
        if (status >= 400) {
            for (String hetu : henkilotunnukset) {
                if (hetu.length() >= 6 && (exchange.body().contains(hetu) || texts(json).stream()
                        .anyMatch(t -> t.contains(hetu)))) {
                    wrong.add("error answer echoes a henkilötunnus of the request");
                    break;
                }
            }
        }
        switch (expected.kind()) {
            case ANY -> {
            }
            case NAMED -> {
                if (!Expectation.REFUSALS.contains(status) && status < 500) {
                    wrong.add("bad '" + expected.field() + "' was not refused: " + status);
                } else if ((status == 400 || status == 422) && !names(json, expected.field())) {
                    wrong.add(status + " does not name '" + expected.field() + "' (named: " + namedFields(json) + ")");
                }
            }
            case REFUSED -> {
                if (!Expectation.REFUSALS.contains(status) && status < 500) {
                    wrong.add("bad body was not refused: " + status);
                }
            }
            case EXACTLY -> {
                if (status != expected.status() && status < 500) {
                    wrong.add("expected " + expected.status() + ", got " + status);
                }
            }
            case DENIED -> {
                if (status != 403 && status != 404 && status < 500) {
                    wrong.add("a role the operation does not allow got " + status);
                }
            }
            case UNAUTHENTICATED -> {
                if (status != 401 && status < 500) {
                    wrong.add("a caller without a valid token got " + status);
                }
            }
        }
        return wrong;
    }

    /** Whether the problem names the field: {@code errors[].field} (or name, parameter, pointer; RFC 9457 invalid-params). */
    static boolean names(JsonNode problem, String field) {
        return namedFields(problem).stream().anyMatch(named -> FieldPath.names(named, field));
    }

    static List<String> namedFields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        if (problem == null) {
            return names;
        }
        for (String list : List.of("errors", "invalid-params", "invalidParams", "violations")) {
            for (JsonNode error : problem.path(list)) {
                for (String key : List.of("field", "name", "parameter", "pointer", "param")) {
                    if (error.path(key).isTextual()) {
                        names.add(error.path(key).asText());
                    }
                }
            }
        }
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        node.fieldNames().forEachRemaining(texts::add);
        return texts;
    }
}
