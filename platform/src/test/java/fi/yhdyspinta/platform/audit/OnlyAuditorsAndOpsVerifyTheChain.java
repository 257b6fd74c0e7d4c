package fi.yhdyspinta.platform.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** {@code GET /audit/verify} is for the auditor and ops; anyone else is refused with problem+json. */
@PlatformTest
class OnlyAuditorsAndOpsVerifyTheChain {

    @Test
    void theAuditorAndOpsMayVerify() {
        for (TestUser user : new TestUser[] { TestUsers.AUDITOR, TestUsers.OPS }) {
            given().auth().oauth2(TestInfrastructure.tokenFor(user))
                    .when().get("/audit/verify")
                    .then().statusCode(200).body("status", equalTo("OK"));
        }
    }

    @Test
    void professionalsClientsAndAdminsAreForbidden() {
        for (TestUser user : new TestUser[] { TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.UNIT_LEAD,
                TestUsers.CLIENT, TestUsers.ADMIN, TestUsers.ARCHIVE }) {
            given().auth().oauth2(TestInfrastructure.tokenFor(user))
                    .when().get("/audit/verify")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/audit/verify")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
