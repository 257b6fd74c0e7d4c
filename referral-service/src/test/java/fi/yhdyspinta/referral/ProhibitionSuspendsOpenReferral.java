package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.awaitSenderSees;
import static fi.yhdyspinta.referral.Scenario.denial;
import static fi.yhdyspinta.referral.Scenario.deny;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * A new prohibition (PotL 13 §) that forbids a disclosure already permitted reaches referral-service as
 * consent-denied for the need: the open referral is suspended at once (referral-suspended), the reason
 * kept for the sender, and the receiver is left with ids and status. A denial for another client or
 * recipient than the referral's changes nothing.
 */
@ReferralServiceTest
class ProhibitionSuspendsOpenReferral {

    @Test
    void aProhibitionSuspendsTheAcceptedReferral() {
        String hetu = "010190-900P";
        Need n = needAwaitingConsent(hetu);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(200);

        deny(n, "PROHIBITION");
        awaitSenderSees(n, "status", equalTo("SUSPENDED"));
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then()
                .body("consentStatus", equalTo("DENIED"))
                .body("consentDenialReason", equalTo("PROHIBITION"));
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_SUSPENDED, n.referralId(), 1)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu));

        String view = as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("client", nullValue()).body("category", nullValue())
                .body("consentDenialReason", nullValue())
                .body("redacted", contains("NEED_SUMMARY", "CONTACT_DETAILS")).extract().asString();
        assertThat(view).doesNotContain(hetu);
        as(TestUsers.HOSPITAL_NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);
    }

    @Test
    void aDenialForAnotherRecipientLeavesTheReferralOpen() {
        Need n = needAwaitingConsent("131052-9085");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        ConsentDenied elsewhere = new ConsentDenied(UUID.randomUUID().toString(), n.needId(), n.clientId(),
                TestUsers.HEALTH_CENTRE, TestUsers.NGO, "REFERRAL", "PROHIBITION");
        TestEvents.publish(EventType.CONSENT_DENIED, n.clientId(), elsewhere, Scenario.CONSENT_SERVICE);

        // a marker on the same key and partition: once it is handled, so is the denial before it
        Need marker = needAwaitingConsent("131052-9085");
        grantAndAwaitSent(marker, BOTH, UUID.randomUUID());
        TestEvents.publish(EventType.CONSENT_DENIED, marker.clientId(), denial(marker, "PROHIBITION"),
                Scenario.CONSENT_SERVICE);
        awaitSenderSees(marker, "status", equalTo("SUSPENDED"));

        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("status", equalTo("SENT"))
                .body("consentStatus", equalTo("GRANTED"));
    }
}
