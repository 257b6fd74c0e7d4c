package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Social prescribing (hyvinvointilähete, issue 9 point 7): a nurse finds a waitlisted NGO peer-support group in
 * the service directory and prescribes it; the prescription is a referral with purpose SOCIAL_PRESCRIBING carrying
 * need summary and contact only, and the NGO sees nothing until the consent decision permits it. The NGO confirms
 * the start, then the attendance; the nurse sees ATTENDED with the referral COMPLETED (SERVICE_PROVIDED), and the
 * social-prescription events carry codes and ids only.
 */
@ReferralServiceTest
class ASocialPrescriptionReachesItsOutcome {

    private static String offering(fi.yhdyspinta.testsupport.oidc.TestUser lead, String capacity, String waitBand) {
        return as(lead).body(ServiceDirectoryFindsWhereToRefer.offering("Vertaisryhmä " + UUID.randomUUID(), capacity,
                waitBand)).post("/services").then().statusCode(201).extract().path("id");
    }

    @Test
    void fromTheDirectoryToAttended() {
        String service = offering(ServiceDirectoryFindsWhereToRefer.NGO_LEAD, "WAITLIST", "WEEKS_2_TO_6");
        as(TestUsers.NURSE).queryParam("category", "LONELINESS").queryParam("capacity", "WAITLIST")
                .queryParam("size", 100).get("/services").then().statusCode(200).body("id", hasItem(service));

        var prescribed = as(TestUsers.NURSE).body(Map.of("client", "010190-900P", "serviceId", service,
                "needCategory", "LONELINESS")).post("/social-prescriptions").then().statusCode(201)
                .body("status", equalTo("PRESCRIBED")).body("serviceId", equalTo(service))
                .body("referral.status", equalTo("AWAITING_CONSENT"))
                .body("referral.receiverOrganisation", equalTo(TestUsers.NGO))
                .extract();
        String id = prescribed.path("id");
        String needId = prescribed.path("referral.needId");
        String clientId = prescribed.path("referral.clientId");
        String need = TestEvents.read(EventType.NEED_IDENTIFIED, rs -> rs.stream()
                .anyMatch(r -> r.value().contains(needId)), Duration.ofSeconds(15)).stream()
                .filter(r -> r.value().contains(needId)).findFirst().orElseThrow().value();
        assertThat(need).contains("\"purpose\":\"SOCIAL_PRESCRIBING\"")
                .contains("\"dataCategories\":[\"NEED_SUMMARY\",\"CONTACT_DETAILS\"]");

        as(TestUsers.NGO_WORKER).get("/social-prescriptions/" + id).then().statusCode(404);
        as(TestUsers.NGO_WORKER).get("/referrals/" + id).then().statusCode(404);
        as(TestUsers.NGO_WORKER).post("/social-prescriptions/" + id + "/start").then().statusCode(404);

        TestEvents.publish(EventType.CONSENT_GRANTED, clientId, new ConsentGranted(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), needId, clientId, TestUsers.NGO, "SOCIAL_PRESCRIBING",
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"), "CONSENT", LocalDate.now().plusMonths(3)),
                Scenario.CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NGO_WORKER)
                .get("/social-prescriptions/" + id).then().statusCode(200).body("referral.status", equalTo("SENT"))
                .body("referral.client", equalTo("010190-900P")).body("referral.category", equalTo("LONELINESS"))
                .body("allowedTransitions", contains("STARTED")));

        as(TestUsers.NGO_WORKER).body(Map.of("attendance", "ATTENDED"))
                .post("/social-prescriptions/" + id + "/attendance").then().statusCode(409)
                .body("currentStatus", equalTo("PRESCRIBED")).body("allowedTransitions", contains("STARTED"));
        as(TestUsers.NURSE).post("/social-prescriptions/" + id + "/start").then().statusCode(403);
        as(TestUsers.HOSPITAL_NURSE).post("/social-prescriptions/" + id + "/start").then().statusCode(404);

        as(TestUsers.NGO_WORKER).post("/social-prescriptions/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("STARTED")).body("referral.status", equalTo("IN_PROGRESS"))
                .body("allowedTransitions", containsInAnyOrder("ATTENDED", "DID_NOT_ATTEND", "DECLINED"));
        as(TestUsers.NGO_WORKER).body(Map.of("attendance", "PRESCRIBED"))
                .post("/social-prescriptions/" + id + "/attendance").then().statusCode(400)
                .body("errors.field", hasItem("attendance"));
        as(TestUsers.NGO_WORKER).body(Map.of("attendance", "ATTENDED"))
                .post("/social-prescriptions/" + id + "/attendance").then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("referral.status", equalTo("COMPLETED"));

        as(TestUsers.NURSE).get("/social-prescriptions/" + id).then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("referral.outcome", equalTo("SERVICE_PROVIDED"))
                .body("allowedTransitions", org.hamcrest.Matchers.empty());
        as(TestUsers.NURSE).get("/referrals/" + id + "/history").then().statusCode(200)
                .body("to", contains("AWAITING_CONSENT", "SENT", "ACCEPTED", "IN_PROGRESS", "COMPLETED"))
                .body("[4].reasonCode", equalTo("ATTENDED"));
        for (EventType step : List.of(EventType.SOCIAL_PRESCRIPTION_STARTED, EventType.SOCIAL_PRESCRIPTION_ATTENDED)) {
            var events = ConsentDecisionTest.referralEvents(step, id, 1);
            assertThat(events).as(step.name()).hasSize(1);
            assertThat(events.get(0).value()).contains(service).doesNotContain("010190");
        }
        as(TestUsers.HOSPITAL_NURSE).get("/social-prescriptions/" + id).then().statusCode(404);
    }

    @Test
    void onlyAnActiveNgoActivityWithCapacityServingTheNeed() {
        String full = offering(ServiceDirectoryFindsWhereToRefer.NGO_LEAD, "NO", null);
        String open = offering(ServiceDirectoryFindsWhereToRefer.NGO_LEAD, "YES", null);
        String health = offering(TestUsers.UNIT_LEAD, "YES", null);
        for (String service : List.of(full, health, UUID.randomUUID().toString())) {
            as(TestUsers.NURSE).body(Map.of("client", "010190-900P", "serviceId", service, "needCategory",
                    "LONELINESS")).post("/social-prescriptions").then().statusCode(400)
                    .body("errors.field", hasItem("serviceId"));
        }
        as(TestUsers.NURSE).body(Map.of("client", "010190-900P", "serviceId", open, "needCategory", "HOUSING"))
                .post("/social-prescriptions").then().statusCode(400).body("errors.field", hasItem("needCategory"));
        Map<String, Object> noClient = new HashMap<>(Map.of("serviceId", open, "needCategory", "LONELINESS"));
        as(TestUsers.NURSE).body(noClient).post("/social-prescriptions").then().statusCode(400)
                .body("errors.field", hasItem("client"));
        as(TestUsers.NGO_WORKER).body(Map.of("client", "010190-900P", "serviceId", open, "needCategory",
                "LONELINESS")).post("/social-prescriptions").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("client", "131052-9085", "serviceId", open, "needCategory",
                "MENTAL_HEALTH")).post("/social-prescriptions").then().statusCode(201)
                .body("referral.consentStatus", equalTo("AWAITING")).body("referral.dueAt", nullValue());
    }
}
