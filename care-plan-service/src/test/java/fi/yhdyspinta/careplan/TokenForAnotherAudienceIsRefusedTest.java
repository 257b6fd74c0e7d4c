package fi.yhdyspinta.careplan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * DESIGN §7: a token is accepted only when it was minted for the suite. A token that the same realm
 * signed for another application (another audience) is refused with 401, like a forged one.
 */
@CarePlanServiceTest
class TokenForAnotherAudienceIsRefusedTest {

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        String otherAudience = TestInfrastructure.get().oidc().token(TestUsers.SOCIAL_WORKER, "county-intranet");
        given().auth().oauth2(otherAudience).contentType(ContentType.JSON)
                .get("/clients/" + "a".repeat(64) + "/overview").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void theSameUserWithTheSuitesAudienceIsLetIn() {
        String token = TestInfrastructure.get().oidc().token(TestUsers.SOCIAL_WORKER, "yhdyspinta");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .get("/clients/" + "a".repeat(64) + "/overview").then()
                .statusCode(200)
                .body("clientId", equalTo("a".repeat(64)));
    }
}
