package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;

import java.util.Map;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared steps of referral scenarios: who calls, and the requests of the main flow. */
final class Scenario {

    private Scenario() {
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    static Map<String, Object> need(String hetu, String targetOrganisation) {
        return Map.of("client", hetu, "category", "MENTAL_HEALTH", "targetSector", "SOCIAL",
                "targetOrganisation", targetOrganisation, "urgency", "ROUTINE");
    }

    /** The nurse of Kittilän terveyskeskus records a need for Kittilän sosiaalipalvelut. */
    static ValidatableResponse nurseIdentifiesNeed(String hetu) {
        return as(TestUsers.NURSE).body(need(hetu, TestUsers.SOCIAL_SERVICES)).post("/needs").then();
    }
}
