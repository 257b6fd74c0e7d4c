package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/** The regional archive's side of the feed: every page after cursor 0, and one document's bundle. */
final class ArchiveFeed {

    private ArchiveFeed() {
    }

    static List<Map<String, Object>> all() {
        long cursor = 0;
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            JsonPath page = as(TestUsers.ARCHIVE).get("/archive/documents?limit=500&after=" + cursor).then()
                    .statusCode(200).extract().jsonPath();
            all.addAll(page.getList("documents"));
            long next = page.getLong("next");
            if (next == cursor) {
                return all;
            }
            cursor = next;
        }
    }

    static Optional<Map<String, Object>> entry(String documentId) {
        return all().stream().filter(d -> documentId.equals(d.get("id"))).findFirst();
    }

    static String document(String documentId, String query) {
        return as(TestUsers.ARCHIVE).accept("application/fhir+json")
                .get("/archive/documents/" + documentId + query).then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
    }
}
