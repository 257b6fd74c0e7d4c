package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * The service directory (issue 9 point 6): an NGO's unit lead lists a peer-support group with a waiting list, in
 * Finnish and Swedish, in Helsinki (091); a nurse looking for loneliness support in Helsinki in Swedish finds it,
 * with its wait band; a search in northern Sami, in another municipality or for another category does not; an
 * offering taken out of use disappears from searches.
 */
@ReferralServiceTest
class ServiceDirectoryFindsWhereToRefer {

    static final TestUser NGO_LEAD = new TestUser("ngolead", TestUsers.NGO, "NGO", Set.of("unit-lead"), null);

    static Map<String, Object> offering(String name, String capacity, String waitBand) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "categories", List.of("LONELINESS", "MENTAL_HEALTH"),
                "municipality", "091", "languages", List.of("fi", "sv"), "capacity", capacity));
        if (waitBand != null) {
            body.put("waitBand", waitBand);
        }
        return body;
    }

    @Test
    void aNurseFindsTheWaitlistedNgoActivityByCategoryMunicipalityAndLanguage() {
        String id = as(NGO_LEAD).body(offering("Vertaistukiryhmä yksinäisille", "WAITLIST", "WEEKS_2_TO_6"))
                .post("/services").then().statusCode(201)
                .body("organisation", equalTo(TestUsers.NGO)).body("sector", equalTo("NGO"))
                .body("languages", equalTo(List.of("fi", "sv"))).header("ETag", "\"0\"")
                .extract().path("id");

        as(TestUsers.NURSE).queryParam("category", "LONELINESS").queryParam("municipality", "091")
                .queryParam("language", "sv").get("/services").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.capacity", equalTo("WAITLIST"))
                .body("find { it.id == '" + id + "' }.waitBand", equalTo("WEEKS_2_TO_6"));
        as(TestUsers.SOCIAL_WORKER).queryParam("capacity", "WAITLIST").queryParam("organisation", TestUsers.NGO)
                .get("/services").then().statusCode(200).body("id", hasItem(id));

        as(TestUsers.NURSE).queryParam("category", "LONELINESS").queryParam("language", "se").get("/services")
                .then().statusCode(200).body("id", not(hasItem(id)));
        as(TestUsers.NURSE).queryParam("category", "LONELINESS").queryParam("municipality", "837").get("/services")
                .then().statusCode(200).body("id", not(hasItem(id)));
        as(TestUsers.NURSE).queryParam("category", "HOUSING").get("/services")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void anOfferingTakenOutOfUseLeavesTheSearches() {
        String id = as(NGO_LEAD).body(offering("Kesäleiri", "YES", null)).post("/services").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> closed = offering("Kesäleiri", "NO", null);
        closed.put("active", false);
        as(NGO_LEAD).header("If-Match", "\"0\"").body(closed).put("/services/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("active", equalTo(false));

        as(TestUsers.NURSE).queryParam("category", "LONELINESS").get("/services").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(TestUsers.NURSE).get("/services/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void badSearchCriteriaAre400NamingTheParameter() {
        as(TestUsers.NURSE).queryParam("language", "de").get("/services").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("language"));
        as(TestUsers.NURSE).queryParam("category", "ASTROLOGY").get("/services").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        as(TestUsers.NURSE).queryParam("municipality", "Helsinki").get("/services").then().statusCode(400);
    }
}
