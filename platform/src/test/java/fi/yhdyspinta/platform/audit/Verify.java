package fi.yhdyspinta.platform.audit;

import static io.restassured.RestAssured.given;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/** {@code GET /audit/verify} as the auditor sees it. */
final class Verify {

    private Verify() {
    }

    static JsonPath asAuditor() {
        return given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.AUDITOR))
                .when().get("/audit/verify")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }
}
