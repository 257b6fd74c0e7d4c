package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Transitions honour If-Match (issue 9 point 5): the ETag of a referral is its version; a change naming a version
 * that is no longer current is 412 and changes nothing; the current one, or none, is accepted; a malformed one
 * is 400 naming If-Match.
 */
@ReferralServiceTest
class AStaleIfMatchIs412 {

    @Test
    void aStaleVersionChangesNothing() {
        Need n = needAwaitingConsent("010190-900P");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String path = "/referrals/" + n.referralId();
        String read = as(TestUsers.SOCIAL_WORKER).get(path).then().statusCode(200).extract().header("ETag");
        // someone else accepts meanwhile
        String accepted = as(TestUsers.SOCIAL_WORKER).header("If-Match", read).post(path + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).extract().header("ETag");

        as(TestUsers.SOCIAL_WORKER).header("If-Match", read).post(path + "/start").then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/precondition-failed"));
        as(TestUsers.SOCIAL_WORKER).header("If-Match", read)
                .body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "OTHER")).post(path + "/forward").then()
                .statusCode(412);
        as(TestUsers.NURSE).header("If-Match", read).post(path + "/cancel").then().statusCode(412);
        as(TestUsers.NURSE).get(path).then().body("status", equalTo("ACCEPTED"));

        as(TestUsers.SOCIAL_WORKER).header("If-Match", "seven").post(path + "/start").then().statusCode(400)
                .body("errors.field", hasItem("If-Match"));
        as(TestUsers.SOCIAL_WORKER).header("If-Match", accepted).post(path + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "SERVICE_PROVIDED")).post(path + "/complete").then()
                .statusCode(200);
    }
}
