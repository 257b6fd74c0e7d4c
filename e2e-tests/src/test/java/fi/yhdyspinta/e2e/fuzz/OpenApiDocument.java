package fi.yhdyspinta.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A service's own OpenAPI document ({@code /q/openapi}), read into the operations the fuzzer calls. */
public final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** Fields a server owns in any resource, whether or not the document names them. */
    private static final Set<String> ALWAYS_SERVER_OWNED = Set.of("id", "status", "createdBy", "createdAt",
            "updatedAt", "version", "recordedBy", "recordedAt", "clientId");

    private final String service;
    private final String baseUri;
    private final JsonNode document;

    private OpenApiDocument(String service, String baseUri, JsonNode document) {
        this.service = service;
        this.baseUri = baseUri;
        this.document = document;
    }

    public static OpenApiDocument fetch(String service, String baseUri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUri + "/q/openapi?format=json"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " /q/openapi answered " + response.statusCode());
            }
            return new OpenApiDocument(service, baseUri, Schemas.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A document already read (for trying the generators without the services). */
    public static OpenApiDocument of(String service, String baseUri, String json) throws IOException {
        return new OpenApiDocument(service, baseUri, Schemas.JSON.readTree(json));
    }

    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        Map<String, List<String>> codes = codesByPropertyName();
        Set<String> owned = serverOwnedNames();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                List<ApiParameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                item.path("parameters").forEach(declared::add);
                operation.path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode parameter = Schemas.resolve(document, p);
                    String name = parameter.path("name").asText();
                    String in = parameter.path("in").asText();
                    JsonNode schema = Schemas.resolve(document, parameter.path("schema"));
                    boolean inferred = false;
                    if (in.equals("query") && Schemas.isString(schema) && !Schemas.isEnum(schema)
                            && !schema.has("pattern") && !schema.has("format") && codes.containsKey(name)
                            && !Schemas.isHetu(name, schema)) {
                        ObjectNode withCodes = schema.deepCopy();
                        codes.get(name).forEach(withCodes.putArray("enum")::add);
                        schema = withCodes;
                        inferred = true;
                    }
                    parameters.add(new ApiParameter(name, in, schema,
                            in.equals("path") || parameter.path("required").asBoolean(false), inferred));
                }
                JsonNode requestBody = Schemas.resolve(document, operation.get("requestBody"));
                JsonNode body = null;
                boolean bodyRequired = false;
                if (requestBody != null) {
                    JsonNode content = requestBody.path("content");
                    JsonNode media = content.has("application/json") ? content.get("application/json")
                            : content.elements().hasNext() ? content.elements().next() : null;
                    if (media != null && media.has("schema")) {
                        body = Schemas.resolve(document, media.get("schema"));
                        bodyRequired = requestBody.path("required").asBoolean(false);
                    }
                }
                Set<String> roles = new LinkedHashSet<>();
                boolean secured = false;
                JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
                for (JsonNode requirement : security) {
                    secured = secured || requirement.size() > 0;
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                Set<String> serverOwned = new TreeSet<>(owned);
                serverOwned.removeAll(Schemas.properties(body).keySet());
                operations.add(new ApiOperation(service, baseUri, method.toUpperCase(), path.getKey(), secured,
                        Set.copyOf(roles), List.copyOf(parameters), body, bodyRequired, Set.copyOf(serverOwned)));
            }
        });
        return operations;
    }

    /** Properties of the document's schemas that are codes, by name: what a query parameter of that name means. */
    private Map<String, List<String>> codesByPropertyName() {
        Map<String, List<String>> codes = new java.util.HashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode resolved = Schemas.resolve(document, schema.getValue());
            Schemas.properties(resolved).forEach((name, property) -> {
                JsonNode element = "array".equals(Schemas.type(property)) ? property.path("items") : property;
                if (Schemas.isEnum(element)) {
                    List<String> values = codes.computeIfAbsent(name, n -> new ArrayList<>());
                    Schemas.enumValues(element).forEach(v -> {
                        if (!values.contains(v.asText())) {
                            values.add(v.asText());
                        }
                    });
                }
            });
        });
        return codes;
    }

    /** Every property a response schema of this document has, plus the usual server-owned names. */
    private Set<String> serverOwnedNames() {
        Set<String> names = new TreeSet<>(ALWAYS_SERVER_OWNED);
        Set<String> requestSchemas = new java.util.HashSet<>();
        document.path("paths").forEach(item -> item.forEach(operation -> {
            JsonNode ref = operation.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref");
            if (ref.isTextual()) {
                requestSchemas.add(ref.asText().substring(ref.asText().lastIndexOf('/') + 1));
            }
        }));
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (!requestSchemas.contains(schema.getKey())) {
                names.addAll(Schemas.properties(schema.getValue()).keySet());
            }
        });
        return names;
    }

    public String service() {
        return service;
    }

    public String baseUri() {
        return baseUri;
    }
}
