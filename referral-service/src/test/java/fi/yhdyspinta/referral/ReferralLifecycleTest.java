package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.nurseIdentifiesNeed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** The receiver's steps (DESIGN §4 step 5) and the state machine's 409s. */
@ReferralServiceTest
class ReferralLifecycleTest {

    private String sentReferral() {
        var created = nurseIdentifiesNeed("010190-900P").statusCode(201).extract();
        String needId = created.path("id");
        String referralId = created.path("referralId");
        String clientId = as(TestUsers.NURSE).get("/referrals/" + referralId).then().extract().path("clientId");
        TestEvents.publish(EventType.CONSENT_GRANTED, clientId, new ConsentGranted(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), needId, clientId, TestUsers.SOCIAL_SERVICES, "REFERRAL",
                List.of("NEED_SUMMARY"), "CONSENT", LocalDate.now().plusMonths(6)), "/yhdyspinta/consent-service");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + referralId).then().body("status", equalTo("SENT")));
        return referralId;
    }

    @Test
    void receiverAcceptsAndCompletesWithFeedbackThatTheSenderSees() {
        String id = sentReferral();
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + id + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        as(TestUsers.SOCIAL_WORKER)
                .body(Map.of("outcome", "SERVICE_PROVIDED", "feedback", "Asiakas ohjattu aikuissosiaalityöhön."))
                .post("/referrals/" + id + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        as(TestUsers.NURSE).get("/referrals/" + id).then()
                .body("outcome", equalTo("SERVICE_PROVIDED"))
                .body("feedback", equalTo("Asiakas ohjattu aikuissosiaalityöhön."));
        var completed = ConsentDecisionTest.referralEvents(EventType.REFERRAL_COMPLETED, id, 1);
        org.assertj.core.api.Assertions.assertThat(completed).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(completed.get(0).value()).doesNotContain("aikuissosiaalityöhön");
    }

    @Test
    void declineNeedsAReasonAndASuggestedRecipient() {
        String id = sentReferral();
        as(TestUsers.SOCIAL_WORKER).body(Map.of("reason", "NOT_IN_SCOPE")).post("/referrals/" + id + "/decline")
                .then().statusCode(400).body("errors.field", hasItem("suggestedRecipient"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("reason", "OTHER_SERVICE_BETTER_SUITED",
                "suggestedRecipient", TestUsers.NGO)).post("/referrals/" + id + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("suggestedRecipient", equalTo(TestUsers.NGO));
    }

    @Test
    void anIllegalTransitionAnswers409WithTheAllowedOnes() {
        String referralId = sentReferral();
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "SERVICE_PROVIDED"))
                .post("/referrals/" + referralId + "/complete").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/illegal-transition"))
                .body("allowedTransitions", hasItems("ACCEPTED", "DECLINED"))
                .body("currentStatus", equalTo("SENT"));
    }

    @Test
    void onlyTheReceiverMayAcceptAndOnlyTheSenderMayCancel() {
        String id = sentReferral();
        as(TestUsers.NURSE).post("/referrals/" + id + "/accept").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + id + "/cancel").then().statusCode(403);
        as(TestUsers.NGO_WORKER).post("/referrals/" + id + "/accept").then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).post("/referrals/" + id + "/cancel").then().statusCode(404);
        as(TestUsers.NURSE).post("/referrals/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void listsShowSentAndReceivedReferralsOfTheCallersOrganisationOnly() {
        String id = sentReferral();
        as(TestUsers.SOCIAL_WORKER).queryParam("direction", "received").get("/referrals").then()
                .statusCode(200).body("id", hasItem(id));
        as(TestUsers.NURSE).queryParam("direction", "sent").queryParam("status", "SENT").get("/referrals").then()
                .statusCode(200).body("id", hasItem(id));
        as(TestUsers.NGO_WORKER).queryParam("direction", "received").get("/referrals").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
        as(TestUsers.NURSE).queryParam("direction", "sideways").get("/referrals").then()
                .statusCode(400).body("errors.field", hasItem("direction"));
        as(TestUsers.NURSE).queryParam("status", "LOST").get("/referrals").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
    }
}
