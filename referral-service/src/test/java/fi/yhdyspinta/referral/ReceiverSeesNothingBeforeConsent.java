package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.awaitSenderSees;
import static fi.yhdyspinta.referral.Scenario.deny;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Consent first (DESIGN §7, issue 6 point 2): until a consent decision permits the disclosure, the
 * receiving organisation does not see the referral or its need at all — not while it waits, not after
 * a denial, not after the sender cancelled it — and its actions on it answer 404, as for a referral
 * that does not exist. The sender sees its own throughout; another organisation never.
 */
@ReferralServiceTest
class ReceiverSeesNothingBeforeConsent {

    @Test
    void aWaitingReferralDoesNotExistForTheSocialServices() {
        Need n = needAwaitingConsent("010190-900P");
        assertInvisible(n, TestUsers.SOCIAL_WORKER);
        assertInvisible(n, TestUsers.HOSPITAL_NURSE);

        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo("010190-900P")).body("status", equalTo("AWAITING_CONSENT"))
                .body("consentStatus", equalTo("AWAITING"));
        as(TestUsers.NURSE).get("/needs/" + n.needId()).then().statusCode(200)
                .body("client", equalTo("010190-900P"));
    }

    @Test
    void aWaitingReferralDoesNotExistForTheNgo() {
        Need n = needAwaitingConsent(TestUsers.NURSE, "131052-9085", TestUsers.NGO);
        assertInvisible(n, TestUsers.NGO_WORKER);
        assertInvisible(n, TestUsers.SOCIAL_WORKER);
    }

    @Test
    void afterADenialTheReceiverStillSeesNothing() {
        Need n = needAwaitingConsent("150615A901E");
        deny(n, "REFUSED");
        awaitSenderSees(n, "consentStatus", equalTo("DENIED"));

        assertInvisible(n, TestUsers.SOCIAL_WORKER);
        assertInvisible(n, TestUsers.HOSPITAL_NURSE);
    }

    @Test
    void aReferralCancelledBeforeConsentNeverAppears() {
        Need n = needAwaitingConsent(TestUsers.NURSE, "010190-900P", TestUsers.NGO);
        as(TestUsers.NURSE).post("/referrals/" + n.referralId() + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertInvisible(n, TestUsers.NGO_WORKER);
    }

    /** 404 on the referral, its need and every action; absent from the received list in any status. */
    private static void assertInvisible(Need n, TestUser who) {
        String referral = "/referrals/" + n.referralId();
        String body = as(who).get(referral).then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
        assertThat(body).doesNotContain(n.clientId()).doesNotContain("MENTAL_HEALTH");
        as(who).get("/needs/" + n.needId()).then().statusCode(404).contentType("application/problem+json");
        as(who).queryParam("direction", "received").get("/referrals").then().statusCode(200)
                .body("id", not(hasItem(n.referralId())));
        for (String status : new String[] { "AWAITING_CONSENT", "CANCELLED" }) {
            as(who).queryParam("direction", "received").queryParam("status", status).get("/referrals").then()
                    .statusCode(200).body("id", not(hasItem(n.referralId())));
        }
        as(who).queryParam("direction", "sent").get("/referrals").then().statusCode(200)
                .body("id", not(hasItem(n.referralId())));
        as(who).post(referral + "/accept").then().statusCode(404);
        as(who).post(referral + "/start").then().statusCode(404);
        as(who).post(referral + "/cancel").then().statusCode(404);
        as(who).body(Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.CHILD_WELFARE))
                .post(referral + "/decline").then().statusCode(404);
        as(who).body(Map.of("outcome", "SERVICE_PROVIDED")).post(referral + "/complete").then().statusCode(404);
    }
}
