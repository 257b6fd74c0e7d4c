package fi.yhdyspinta.testsupport.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The lint every service's OpenAPI document must pass with no finding (issue 13): swagger-parser's validation
 * messages, plus the suite's own rules for a contract that generates a clean client — servers, license and contact;
 * every operation with a camelCase operationId, a summary and described tags; every 4xx/5xx answer carrying the
 * problem+json {@code Problem} schema; an example on every JSON body. {@link #duplicateOperationIds} checks the
 * suite as a whole: one id names one operation (a platform operation that every service serves alike — same method,
 * path and id — is one contract, not a duplicate).
 */
public final class ContractLint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION_ID = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private ContractLint() {
    }

    /** Every finding about one document; empty when it is clean. */
    public static List<String> findings(String json) {
        List<String> findings = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(message -> findings.add("swagger-parser: " + message));
        }
        if (parsed.getOpenAPI() == null) {
            findings.add("swagger-parser could not read the document");
            return findings;
        }
        JsonNode document = read(json);
        documentRules(document, findings);
        operations(document).forEach((where, operation) -> operationRules(document, where, operation, findings));
        return findings;
    }

    /** Operation ids used for more than one (method, path) across the documents (service name → document). */
    public static List<String> duplicateOperationIds(Map<String, String> documents) {
        Map<String, Set<String>> uses = new TreeMap<>();
        documents.forEach((service, json) -> operations(read(json)).forEach((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.isEmpty()) {
                uses.computeIfAbsent(id, k -> new TreeSet<>()).add(where);
            }
        }));
        List<String> duplicates = new ArrayList<>();
        uses.forEach((id, where) -> {
            if (where.size() > 1) {
                duplicates.add(id + " names " + where);
            }
        });
        return duplicates;
    }

    /** "METHOD path" → operation, in document order. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            });
        }
        return operations;
    }

    private static void documentRules(JsonNode document, List<String> findings) {
        if (!document.path("servers").isArray() || document.path("servers").isEmpty()
                || document.path("servers").get(0).path("url").asText("").isEmpty()) {
            findings.add("no servers");
        }
        if (document.path("info").path("license").path("name").asText("").isEmpty()) {
            findings.add("info has no license");
        }
        JsonNode contact = document.path("info").path("contact");
        if (contact.path("email").asText("").isEmpty() && contact.path("url").asText("").isEmpty()) {
            findings.add("info has no contact");
        }
        Set<String> described = new TreeSet<>();
        document.path("tags").forEach(tag -> {
            if (tag.path("description").asText("").isBlank()) {
                findings.add("tag '" + tag.path("name").asText() + "' has no description");
            }
            described.add(tag.path("name").asText());
        });
        operations(document).forEach((where, operation) -> operation.path("tags").forEach(tag -> {
            if (!described.contains(tag.asText())) {
                findings.add(where + ": tag '" + tag.asText() + "' is not declared with a description");
            }
        }));
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String property : List.of("type", "title", "status", "detail", "instance", "errors")) {
            if (!problem.has(property)) {
                findings.add("the Problem schema has no '" + property + "'");
            }
        }
        Set<String> ids = new TreeSet<>();
        operations(document).forEach((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.isEmpty() && !ids.add(id)) {
                findings.add(where + ": operationId " + id + " is used twice");
            }
        });
    }

    private static void operationRules(JsonNode document, String where, JsonNode operation, List<String> findings) {
        String id = operation.path("operationId").asText("");
        if (!OPERATION_ID.matcher(id).matches()) {
            findings.add(where + ": operationId '" + id + "' is not camelCase verbNoun");
        }
        if (operation.path("summary").asText("").isBlank()) {
            findings.add(where + ": no summary");
        }
        if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
            findings.add(where + ": no tags");
        }
        examples(where + " request", operation.path("requestBody").path("content"), findings);
        operation.path("responses").fields().forEachRemaining(answer -> {
            JsonNode response = resolve(document, answer.getValue());
            char kind = answer.getKey().charAt(0);
            if (kind == '4' || kind == '5') {
                JsonNode problem = response.path("content").path(PROBLEM_JSON).path("schema").path("$ref");
                if (!PROBLEM_REF.equals(problem.asText())) {
                    findings.add(where + ": " + answer.getKey() + " does not document the problem+json Problem");
                }
            } else if (kind == '2') {
                examples(where + " " + answer.getKey(), response.path("content"), findings);
            }
        });
    }

    private static void examples(String where, JsonNode content, List<String> findings) {
        content.fields().forEachRemaining(media -> {
            if (media.getKey().contains("json") && !media.getValue().has("example")
                    && !media.getValue().has("examples")) {
                findings.add(where + " " + media.getKey() + ": no example");
            }
        });
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
