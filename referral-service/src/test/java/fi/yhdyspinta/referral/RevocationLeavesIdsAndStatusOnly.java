package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.awaitSenderSees;
import static fi.yhdyspinta.referral.Scenario.grant;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static fi.yhdyspinta.referral.Scenario.revoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * After the client revokes the consent (DESIGN §4 step 6, §7) the receiver sees only ids and status of
 * the suspended referral — no henkilötunnus, client id, need or its own earlier data — and may do
 * nothing more with it; a stale permit arriving later does not bring it back.
 */
@ReferralServiceTest
class RevocationLeavesIdsAndStatusOnly {

    @Test
    void aRevokedConsentLeavesTheReceiverIdsAndStatus() {
        String hetu = "010190-900P";
        Need n = needAwaitingConsent(hetu);
        UUID consentId = UUID.randomUUID();
        grantAndAwaitSent(n, BOTH, consentId);
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(200)
                .body("client", equalTo(hetu));

        revoke(n, consentId);
        awaitSenderSees(n, "status", equalTo("SUSPENDED"));
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then()
                .body("consentStatus", equalTo("REVOKED")).body("client", equalTo(hetu));

        String view = as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("id", equalTo(n.referralId()))
                .body("needId", equalTo(n.needId()))
                .body("status", equalTo("SUSPENDED"))
                .body("senderOrganisation", equalTo(TestUsers.HEALTH_CENTRE))
                .body("receiverOrganisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .body("client", nullValue()).body("clientId", nullValue())
                .body("category", nullValue()).body("urgency", nullValue())
                .body("consentDecisionId", nullValue())
                .body("redacted", contains("NEED_SUMMARY", "CONTACT_DETAILS"))
                .extract().asString();
        assertThat(view).doesNotContain(hetu).doesNotContain(n.clientId()).doesNotContain("MENTAL_HEALTH");

        String list = as(TestUsers.SOCIAL_WORKER).queryParam("direction", "received").queryParam("status", "SUSPENDED")
                .get("/referrals").then().statusCode(200).body("id", hasItem(n.referralId())).extract().asString();
        assertThat(list).doesNotContain(hetu).doesNotContain(n.clientId());

        String need = as(TestUsers.SOCIAL_WORKER).get("/needs/" + n.needId()).then().statusCode(200)
                .body("id", equalTo(n.needId())).body("referralId", equalTo(n.referralId()))
                .body("client", nullValue()).body("clientId", nullValue()).body("category", nullValue())
                .extract().asString();
        assertThat(need).doesNotContain(hetu).doesNotContain(n.clientId());

        // nothing more to do for the receiver; the answer shows the status only
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/start").then().statusCode(409)
                .body("currentStatus", equalTo("SUSPENDED"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "SERVICE_PROVIDED"))
                .post("/referrals/" + n.referralId() + "/complete").then().statusCode(409);
        as(TestUsers.HOSPITAL_NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).get("/needs/" + n.needId()).then().statusCode(404);

        // the sender closes it; the receiver still sees ids and status only
        as(TestUsers.NURSE).post("/referrals/" + n.referralId() + "/cancel").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("client", nullValue()).body("clientId", nullValue());
    }

    @Test
    void aStalePermitDoesNotResurrectASuspendedReferral() {
        Need n = needAwaitingConsent("131052-9085");
        UUID consentId = UUID.randomUUID();
        grantAndAwaitSent(n, BOTH, consentId);
        revoke(n, consentId);
        awaitSenderSees(n, "status", equalTo("SUSPENDED"));

        TestEvents.publish(EventType.CONSENT_GRANTED, n.clientId(), grant(n, BOTH, UUID.randomUUID()),
                Scenario.CONSENT_SERVICE);
        // a marker on the same key and partition: once it is handled, so is the stale permit
        Need marker = needAwaitingConsent("131052-9085");
        grantAndAwaitSent(marker, BOTH, UUID.randomUUID());

        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("status", equalTo("SUSPENDED"))
                .body("consentStatus", equalTo("REVOKED"));
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().body("client", nullValue());
    }
}
