package fi.yhdyspinta.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The lint of the AsyncAPI document (issue 13), with no finding: license and contact; every operation has a summary,
 * a channel and messages that resolve; every message a name, title, summary and an example whose payload is a valid
 * event of that message's type (envelope and data schema, so an example never shows what the schemas forbid);
 * every local reference resolves and every schema file exists.
 */
class TheAsyncApiContractIsCompleteAndItsExamplesValid {

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = TheAsyncApiContractIsCompleteAndItsExamplesValid.class.getClassLoader()
                .getResourceAsStream("asyncapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void theDocumentNamesItsLicenseAndContact() {
        assertThat(document.path("info").path("license").path("name").asText()).isNotBlank();
        assertThat(document.path("info").path("contact").path("email").asText()).isNotBlank();
    }

    @Test
    void everyOperationHasASummaryAndResolves() {
        List<String> findings = new ArrayList<>();
        document.path("operations").fields().forEachRemaining(operation -> {
            JsonNode o = operation.getValue();
            if (o.path("summary").asText("").isBlank()) {
                findings.add(operation.getKey() + ": no summary");
            }
            if (!o.path("action").asText().matches("send|receive")) {
                findings.add(operation.getKey() + ": action is neither send nor receive");
            }
            resolves(operation.getKey(), o.path("channel").path("$ref").asText(), findings);
            o.path("messages").forEach(m -> resolves(operation.getKey(), m.path("$ref").asText(), findings));
        });
        assertThat(findings).isEmpty();
        assertThat(document.path("operations").size()).isPositive();
    }

    @Test
    void everyMessageHasASummaryAndAValidExampleOfItsType() {
        List<String> findings = new ArrayList<>();
        document.path("components").path("messages").fields().forEachRemaining(entry -> {
            String id = entry.getKey();
            JsonNode message = entry.getValue();
            for (String field : List.of("name", "title", "summary")) {
                if (message.path(field).asText("").isBlank()) {
                    findings.add(id + ": no " + field);
                }
            }
            if (!message.path("examples").isArray() || message.path("examples").isEmpty()) {
                findings.add(id + ": no example");
            }
            message.path("examples").forEach(example -> findings.addAll(exampleFindings(id, message, example)));
        });
        assertThat(findings).isEmpty();
        assertThat(document.path("components").path("messages").size()).isEqualTo(EventType.values().length);
    }

    @Test
    void anExampleThatBreaksItsSchemaIsAFinding() {
        JsonNode message = document.path("components").path("messages").path("REFERRAL_ACCEPTED");
        ObjectNode broken = message.path("examples").get(0).deepCopy();
        ((ObjectNode) broken.path("payload").path("data")).put("client", "010190-900P");
        assertThat(exampleFindings("REFERRAL_ACCEPTED", message, broken)).isNotEmpty();
        ObjectNode otherType = message.path("examples").get(0).deepCopy();
        ((ObjectNode) otherType.path("payload")).put("type", "fi.yhdyspinta.referral.declined.v1");
        assertThat(exampleFindings("REFERRAL_ACCEPTED", message, otherType))
                .contains("REFERRAL_ACCEPTED: example of another type fi.yhdyspinta.referral.declined.v1");
    }

    @Test
    void everyLocalReferenceResolvesAndEverySchemaFileExists() {
        List<String> findings = new ArrayList<>();
        references(document, "", findings);
        assertThat(findings).isEmpty();
    }

    private static List<String> exampleFindings(String id, JsonNode message, JsonNode example) {
        List<String> findings = new ArrayList<>();
        JsonNode payload = example.path("payload");
        if (!message.path("name").asText().equals(payload.path("type").asText())) {
            findings.add(id + ": example of another type " + payload.path("type").asText());
        }
        EventSchemas.eventErrors(payload).forEach(error -> findings.add(id + ": example: " + error));
        return findings;
    }

    private static void resolves(String where, String ref, List<String> findings) {
        if (!ref.startsWith("#/") || document.at(ref.substring(1).replace("~1", "/")).isMissingNode()) {
            findings.add(where + ": " + ref + " does not resolve");
        }
    }

    private static void references(JsonNode node, String where, List<String> findings) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey())) {
                    String ref = field.getValue().asText();
                    if (ref.startsWith("#/")) {
                        resolves(where, ref, findings);
                    } else if (TheAsyncApiContractIsCompleteAndItsExamplesValid.class.getClassLoader()
                            .getResource(ref.replaceFirst("^\\./", "")) == null) {
                        findings.add(where + ": " + ref + " is not a file of the contract");
                    }
                } else {
                    references(field.getValue(), where + "/" + field.getKey(), findings);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), where + "/" + i, findings);
            }
        }
    }
}
