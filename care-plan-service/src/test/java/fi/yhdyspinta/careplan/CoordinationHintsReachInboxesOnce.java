package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import fi.yhdyspinta.testsupport.time.MovableClock;

/**
 * The hints on {@code GET /clients/{clientId}/overview}, on this service's real data and clock, and the
 * {@code care-plan-coordination-hint} event that takes each to the inboxes once — when it first becomes true, not on
 * every event after.
 */
@CarePlanServiceTest
class CoordinationHintsReachInboxesOnce {

    private static final String REFERRAL_SERVICE = "/yhdyspinta/referral-service";

    @Test
    void coordinatedPlanSuggestedAtThreeServicesInTwoSectorsAndRaisedOnce() {
        String clientId = newClientId();
        // the health centre's referral accepted by the central hospital: two services, one sector
        String first = accepted(clientId, TestUsers.CENTRAL_HOSPITAL);
        awaitStatus(clientId, first);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .statusCode(200).body("hints", empty());
        assertThat(Database.outboxEvents(EventType.CARE_PLAN_COORDINATION_HINT, clientId)).isZero();

        // accepted by social care too: three services (health centre, hospital, social services) in two sectors
        String third = accepted(clientId, TestUsers.SOCIAL_SERVICES);
        awaitStatus(clientId, third);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("hints.hint", hasItem("COORDINATED_PLAN_SUGGESTED"))
                .body("hints[0].ruleId", equalTo("coordinated-plan"))
                .body("hints[0].thresholds.minActiveServices", equalTo(3))
                .body("hints[0].thresholds.minSectors", equalTo(2));
        // an organisation not party to any of the services does not see it
        as(TestUsers.CHILD_WELFARE_WORKER).get("/clients/" + clientId + "/overview").then().body("hints", empty());

        String fourth = accepted(clientId, TestUsers.CHILD_WELFARE);
        awaitStatus(clientId, fourth);
        var record = Scenario.eventAbout(EventType.CARE_PLAN_COORDINATION_HINT, clientId);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("hint").asText()).isEqualTo("COORDINATED_PLAN_SUGGESTED");
        assertThat(event.path("data").path("organisations").toString()).contains(TestUsers.HEALTH_CENTRE)
                .contains(TestUsers.SOCIAL_SERVICES).contains(TestUsers.CENTRAL_HOSPITAL)
                .doesNotContain(TestUsers.CHILD_WELFARE);
        assertThat(Database.outboxEvents(EventType.CARE_PLAN_COORDINATION_HINT, clientId))
                .as("raised once, not again on the fourth service").isEqualTo(1);
    }

    @Test
    void aSuggestionIsNotRaisedBelowTheThreshold() {
        String clientId = newClientId();
        String only = accepted(clientId, TestUsers.SOCIAL_SERVICES);
        awaitStatus(clientId, only);
        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then().body("hints", empty());
        assertThat(Database.outboxEvents(EventType.CARE_PLAN_COORDINATION_HINT, clientId)).isZero();
    }

    @Test
    void planReviewOverdueTheDayAfterItsReviewDateRaisedOnce() {
        String hetu = newTestHetu();
        var body = plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES);
        body.put("reviewDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        var created = create(TestUsers.SOCIAL_WORKER, body).statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then().body("hints", empty());

        MovableClock.moveBy(Duration.ofDays(1));
        try {
            as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then().body("hints", empty());
            MovableClock.moveBy(Duration.ofDays(2));
            as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then()
                    .body("hints[0].hint", equalTo("PLAN_REVIEW_OVERDUE"))
                    .body("hints[0].ruleId", equalTo("plan-review"))
                    .body("hints[0].planId", equalTo(id))
                    .body("hints[0].thresholds.reviewGraceDays", equalTo(0));
            // no event reaches the service in between: the scheduled check raises it (every second in tests)
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> Database.outboxEvents(EventType.CARE_PLAN_COORDINATION_HINT, id) == 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Database.outboxEvents(EventType.CARE_PLAN_COORDINATION_HINT, id) == 1);
        } finally {
            MovableClock.reset();
        }
        as(TestUsers.HOSPITAL_NURSE).get("/clients/" + clientId + "/overview").then().body("hints", empty());
    }

    @Test
    void responsibleWorkerMissingOnAnImportedPlan() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then().body("hints", empty());

        Database.importedWithoutResponsibleWorker(id);
        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then()
                .body("hints[0].hint", equalTo("RESPONSIBLE_WORKER_MISSING"))
                .body("hints[0].ruleId", equalTo("responsible-worker"))
                .body("hints[0].planId", equalTo(id));
    }

    private static String accepted(String clientId, String receiver) {
        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_ACCEPTED, clientId, new ReferralStatusChanged(referralId, null, clientId,
                TestUsers.HEALTH_CENTRE, receiver, "MENTAL_HEALTH", "ACCEPTED", "SENT", UUID.randomUUID().toString(),
                null, null, null).withVersion(3), REFERRAL_SERVICE);
        return referralId;
    }

    private static void awaitStatus(String clientId, String referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/clients/" + clientId + "/overview").then()
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo("ACCEPTED")));
    }

    private static String newClientId() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
