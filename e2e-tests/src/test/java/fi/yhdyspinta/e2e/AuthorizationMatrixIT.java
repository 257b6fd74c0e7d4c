package fi.yhdyspinta.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.e2e.matrix.AuthorizationMatrix;
import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.e2e.matrix.MatrixRunner;
import fi.yhdyspinta.e2e.matrix.Rule;
import fi.yhdyspinta.e2e.matrix.Who;

/**
 * The authorization matrix of DESIGN §7 against the four running services: every operation of every
 * service's OpenAPI document × every demo role × objects of the caller's own organisation, another
 * organisation, another client and each referral state → the expected 2xx/401/403/404/409. Every
 * mismatch is reported at once. The table is kept in {@code docs/security.md}; an operation that
 * appears in an OpenAPI document without a row here fails the test, so no endpoint goes unchecked.
 */
@ExtendWith(SuiteExtension.class)
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Suite suite;
    private static Map<String, String> baseUris;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
        baseUris = Map.of("referral", suite.referral.baseUri(), "consent", suite.consent.baseUri(),
                "careplan", suite.carePlan.baseUri(), "notification", suite.notification.baseUri());
    }

    @Test
    void everyOperationOfEveryServiceHasItsRowsInTheMatrix() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (var service : baseUris.entrySet()) {
            JsonNode openApi = JSON.readTree(given().baseUri(service.getValue()).accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
                var path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next();
                    if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                        documented.add(service.getKey() + " " + method.toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        AuthorizationMatrix.rules().forEach(rule -> inMatrix.add(rule.toString().replaceAll(" \\[.*", "")));
        assertThat(inMatrix).as("operations of the services' OpenAPI documents").containsAll(documented);
        assertThat(documented).as("matrix rows name real operations").containsAll(inMatrix);
    }

    @Test
    void everyActorGetsTheAnswerTheMatrixSays() {
        Fixtures fixtures = new Fixtures(baseUris, Suite.COUNTY_KEY);
        List<String> mismatches = new MatrixRunner(fixtures).run(AuthorizationMatrix.rules());
        assertThat(mismatches).as("answers that differ from the matrix").isEmpty();
    }

    @Test
    void docsSecurityShowsTheMatrix() throws IOException {
        Path doc = Path.of(System.getProperty("yhdyspinta.root", "..")).resolve("docs/security.md");
        String table = render(AuthorizationMatrix.rules());
        String text = Files.readString(doc);
        String begin = "<!-- matrix:begin -->\n";
        String end = "<!-- matrix:end -->";
        int from = text.indexOf(begin) + begin.length();
        int to = text.indexOf(end);
        String current = text.substring(from, to);
        if (!current.equals(table) && Boolean.getBoolean("yhdyspinta.update-docs")) {
            Files.writeString(doc, text.substring(0, from) + table + text.substring(to));
            current = table;
        }
        assertThat(current).as("docs/security.md matrix (regenerate with -Dyhdyspinta.update-docs=true)")
                .isEqualTo(table);
    }

    private static String render(List<Rule> rules) {
        StringBuilder out = new StringBuilder("| service | operation | object | ");
        Who[] actors = Who.values();
        for (Who who : actors) {
            out.append(who.label()).append(" | ");
        }
        out.append("note |\n|---|---|---|");
        out.append("---|".repeat(actors.length)).append("---|\n");
        for (Rule rule : rules) {
            out.append("| ").append(MatrixRunner.service(rule)).append(" | `").append(rule.operation())
                    .append("` | ").append(MatrixRunner.fixture(rule)).append(" | ");
            for (Who who : actors) {
                out.append(MatrixRunner.expected(rule, who)).append(" | ");
            }
            out.append(MatrixRunner.note(rule)).append(" |\n");
        }
        return out.toString();
    }
}
