package fi.yhdyspinta.e2e;

import static fi.yhdyspinta.e2e.Calls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 10 across the four running services: two referrals of the health centre accepted by social care and an NGO
 * make a coordination hint; the social worker asks for a joint assessment (THL 32.2 §, SHL 41 §), health care
 * acknowledges; a joint client plan of three organisations is refused while one lacks consent (403 naming it) and
 * made once it is recorded (SHL 39 §, 46 §); the responsible worker is handed over (SHL 42 §); the client revokes the
 * consent for one organisation and its share of the plan stops.
 */
@ExtendWith(SuiteExtension.class)
class JointClientPlanIT {

    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    @Test
    void fromTwoAcceptedReferralsToAPlanWhoseSharingStopsOnRevocation() {
        String hetu = Fixtures.newHetu();
        TestUser client = Fixtures.clientOf(new Fixtures.Fixture(null, hetu));

        // two referrals of the health centre, accepted by the social services and the NGO
        String toSocial = referralAccepted(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.SOCIAL_WORKER);
        referralAccepted(hetu, TestUsers.NGO, TestUsers.NGO_WORKER);
        String clientId = as(TestUsers.NURSE, suite.referral).get("/referrals/" + toSocial).then().statusCode(200)
                .extract().path("clientId");

        // three services in three sectors, no plan: the hint, on the overview and once in the inboxes
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER, suite.carePlan)
                    .get("/clients/" + clientId + "/overview").then().statusCode(200)
                    .body("hints.hint", hasItem("COORDINATED_PLAN_SUGGESTED")));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("overview: " + as(TestUsers.NURSE, suite.carePlan)
                    .get("/clients/" + clientId + "/overview").asString(), e);
        }
        awaitInboxItem(TestUsers.SOCIAL_WORKER, "COORDINATION_HINT", "clientId", clientId);

        // the social worker asks health care to a joint assessment; health care acknowledges; it is completed
        String assessment = as(TestUsers.SOCIAL_WORKER, suite.carePlan)
                .body(Map.of("client", hetu, "invitedOrganisation", TestUsers.HEALTH_CENTRE))
                .post("/joint-assessments").then().statusCode(201).extract().path("id");
        as(TestUsers.NURSE, suite.carePlan).body(Map.of("participant", "Sairaanhoitaja", "scheduledAt",
                OffsetDateTime.now().plusDays(2).withNano(0).toString()))
                .post("/joint-assessments/" + assessment + "/acknowledge").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER, suite.carePlan).post("/joint-assessments/" + assessment + "/complete").then()
                .statusCode(200);

        // a plan of three organisations: the social services recorded consent for the health centre only
        recordPlanConsent(hetu, TestUsers.HEALTH_CENTRE);
        Map<String, Object> plan = Map.of("client", hetu,
                "participants", List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO),
                "fromJointAssessment", assessment,
                "goals", List.of(Map.of("description", "Asuminen turvataan", "clientText", "Saan pitää kotini")),
                "actions", List.of(Map.of("description", "Vertaistukiryhmä", "organisation", TestUsers.NGO,
                        "clientText", "Käyn vertaisryhmässä")),
                "reviewDate", LocalDate.now().plusMonths(3).toString());
        String refusal = as(TestUsers.SOCIAL_WORKER, suite.carePlan).body(plan).post("/plans").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("participants[1]"))
                .body("errors[0].message", containsString(TestUsers.NGO))
                .extract().asString();
        assertThat(refusal).doesNotContain(hetu);

        recordPlanConsent(hetu, TestUsers.NGO);
        var created = as(TestUsers.SOCIAL_WORKER, suite.carePlan).body(plan).post("/plans").then()
                .statusCode(201)
                .body("jointAssessmentId", equalTo(assessment))
                .body("participants", hasSize(3))
                .body("responsibleWorker.organisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .extract();
        String planId = created.path("id");
        as(TestUsers.NGO_WORKER, suite.carePlan).get("/plans/" + planId).then().statusCode(200)
                .body("actions[0].description", equalTo("Vertaistukiryhmä"));
        as(client, suite.carePlan).get("/me/plans").then().statusCode(200)
                .body("[0].steps[0].text", equalTo("Käyn vertaisryhmässä"));
        as(TestUsers.HOSPITAL_NURSE, suite.carePlan).get("/plans/" + planId).then().statusCode(404);

        // the responsibility moves to the health centre's nurse; both organisations are told
        as(TestUsers.SOCIAL_WORKER, suite.carePlan).header("If-Match", created.header("ETag"))
                .body(Map.of("worker", "nurse", "organisation", TestUsers.HEALTH_CENTRE, "reason",
                        "SERVICE_NEED_CHANGED"))
                .post("/plans/" + planId + "/responsible-worker").then().statusCode(200)
                .body("responsibleWorker.worker", equalTo("nurse"));
        awaitInboxItem(TestUsers.NURSE, "RESPONSIBLE_WORKER_CHANGED", "planId", planId);
        awaitInboxItem(TestUsers.SOCIAL_WORKER, "RESPONSIBLE_WORKER_CHANGED", "planId", planId);

        // the client revokes the consent that let the NGO into the plan: its share stops within seconds
        List<Map<String, Object>> consents = as(client, suite.consent).get("/me/consents").then().statusCode(200)
                .extract().jsonPath().getList("$");
        String ngoPlanConsent = consents.stream()
                .filter(c -> "JOINT_CLIENT_PLAN".equals(c.get("purpose"))
                        && ((List<?>) c.get("recipients")).contains(TestUsers.NGO))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();
        as(client, suite.consent).post("/consents/" + ngoPlanConsent + "/revoke").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NGO_WORKER, suite.carePlan)
                .get("/plans/" + planId).then().statusCode(200).body("sharing", equalTo("REVOKED")));
        String idsOnly = as(TestUsers.NGO_WORKER, suite.carePlan).get("/plans/" + planId).then().extract().asString();
        assertThat(idsOnly).doesNotContain("Vertaistukiryhmä").doesNotContain("Asuminen").doesNotContain(clientId);
        as(TestUsers.NURSE, suite.carePlan).get("/plans/" + planId).then().statusCode(200)
                .body("goals[0].description", equalTo("Asuminen turvataan"))
                .body("participants.find { it.organisation == '" + TestUsers.NGO + "' }.sharing", equalTo("REVOKED"));
        // the responsible worker's organisation (now the health centre) is told
        awaitInboxItem(TestUsers.NURSE, "PLAN_SHARING_REVOKED", "planId", planId);
    }

    /** need → the nurse records the client's consent → SENT → the receiver accepts. */
    private static String referralAccepted(String hetu, String target, TestUser receiver) {
        String referralId = as(TestUsers.NURSE, suite.referral).body(Map.of("client", hetu, "category",
                "MENTAL_HEALTH", "targetOrganisation", target, "urgency", "ROUTINE")).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        as(TestUsers.NURSE, suite.consent).body(Map.of("client", hetu, "purpose", "REFERRAL", "recipients",
                List.of(target), "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"), "validUntil",
                LocalDate.now().plusYears(1).toString(), "form", "ORAL")).post("/consents").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo("SENT")));
        as(receiver, suite.referral).post("/referrals/" + referralId + "/accept").then().statusCode(200);
        return referralId;
    }

    /** The social worker records the client's consent to share the plan with the organisation (D14: theirs). */
    private static void recordPlanConsent(String hetu, String recipient) {
        as(TestUsers.SOCIAL_WORKER, suite.consent).body(Map.of("client", hetu, "purpose", "JOINT_CLIENT_PLAN",
                "recipients", List.of(recipient), "dataCategories", List.of("CARE_PLAN"), "validUntil",
                LocalDate.now().plusYears(1).toString(), "form", "WRITTEN")).post("/consents").then()
                .statusCode(201);
    }

    private static void awaitInboxItem(TestUser user, String type, String field, String value) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> items = as(user, suite.notification).get("/inbox?type=" + type).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(items).anyMatch(item -> value.equals(item.get(field)));
        });
    }
}
