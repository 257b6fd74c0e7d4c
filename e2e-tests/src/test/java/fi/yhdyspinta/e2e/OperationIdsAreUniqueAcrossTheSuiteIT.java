package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.contract.ContractLint;

/**
 * Issue 13: across the four services' stored OpenAPI documents (the ones the clients are generated from), one
 * operationId names one operation; each document lints clean on its own too. Needs no running service.
 */
class OperationIdsAreUniqueAcrossTheSuiteIT {

    private static final List<String> SERVICES = List.of("referral-service", "consent-service", "care-plan-service",
            "notification-service");

    @Test
    void oneOperationIdNamesOneOperationOfTheSuite() throws IOException {
        Path root = Path.of(System.getProperty("yhdyspinta.root", ".."));
        Map<String, String> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String json = Files.readString(root.resolve(service).resolve("target/openapi/" + service + ".json"));
            assertThat(ContractLint.findings(json)).as(service).isEmpty();
            documents.put(service, json);
        }
        assertThat(ContractLint.duplicateOperationIds(documents)).isEmpty();
    }
}
