package fi.yhdyspinta.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The check each service's test module runs against its running test application: the OpenAPI document it serves
 * lints clean ({@link ContractLint}), and is the document its build stored in {@code target/openapi/<service>.json}
 * (platform configuration {@code quarkus.smallrye-openapi.store-schema-directory}), from which e2e-tests generates
 * the clients — so the clients are generated from what the service serves: the same tags, paths, schemas and
 * responses (servers and the security scheme's issuer URL are runtime configuration, and differ in a test). The served
 * document is written to {@code target/openapi/<service>.served.json} for a look when they differ.
 */
public final class ServedContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedContract() {
    }

    public static void assertClean(String service) {
        String served = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString();
        assertThat(ContractLint.findings(served)).as(service + ": findings of the OpenAPI lint").isEmpty();
        write(Path.of("target", "openapi", service + ".served.json"), served);
        Path stored = Path.of("target", "openapi", service + ".json");
        assertThat(stored).as("the build-time document the clients are generated from").exists();
        JsonNode built = tree(read(stored));
        JsonNode answered = tree(served);
        for (String part : new String[] { "/tags", "/paths", "/components/schemas", "/components/responses" }) {
            assertThat(built.at(part)).as("the stored document's " + part + " are the served ones")
                    .isEqualTo(answered.at(part));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
