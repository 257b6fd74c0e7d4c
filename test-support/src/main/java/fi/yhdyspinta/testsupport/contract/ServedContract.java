package fi.yhdyspinta.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * The check each service's test module runs against its running test application: the OpenAPI document it serves
 * lints clean ({@link ContractLint}), and is the document its build stored in {@code target/openapi/<service>.json}
 * (platform configuration {@code quarkus.smallrye-openapi.store-schema-directory}), from which e2e-tests generates
 * the clients — so the clients are generated from what the service serves. Only {@code servers} may differ (the
 * test application listens on a random port).
 */
public final class ServedContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedContract() {
    }

    public static void assertClean(String service) {
        String served = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString();
        assertThat(ContractLint.findings(served)).as(service + ": findings of the OpenAPI lint").isEmpty();
        Path stored = Path.of("target", "openapi", service + ".json");
        assertThat(stored).as("the build-time document the clients are generated from").exists();
        assertThat(withoutServers(read(stored))).as("the stored document is the served one")
                .isEqualTo(withoutServers(served));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutServers(String json) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(json);
            document.remove("servers");
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
