package fi.yhdyspinta.e2e;

import static fi.yhdyspinta.e2e.Calls.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * DESIGN §4 across the four services, each its own process, through the real broker: a nurse's
 * need becomes a referral once the client consents, the social worker receives, accepts and
 * completes it, and the nurse gets the feedback (closed loop). Any broken hop fails it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class ReferralFlowIT {

    private static final String HETU = "010190-900P";
    /** Both clients of this flow, in any form (not as digits inside a random UUID). */
    private static final Pattern CLIENTS_IN_ANY_FORM = PersonalDataScan.henkilotunnusOrBirthDate("010190", "131052");
    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    private static Map<String, Object> need(String target) {
        return need(HETU, target);
    }

    private static Map<String, Object> need(String hetu, String target) {
        return Map.of("client", hetu, "category", "MENTAL_HEALTH",
                "targetSector", target.equals(TestUsers.NGO) ? "NGO" : "SOCIAL",
                "targetOrganisation", target, "urgency", "ROUTINE");
    }

    private static Map<String, Object> consent(String purpose, String recipient) {
        return consent(HETU, purpose, recipient);
    }

    private static Map<String, Object> consent(String hetu, String purpose, String recipient) {
        return Map.of("client", hetu, "purpose", purpose, "recipients", List.of(recipient),
                "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"),
                "validUntil", LocalDate.now().plusYears(1).toString(), "form", "ORAL");
    }

    private static String[] nurseIdentifiesNeed(String target) {
        return nurseIdentifiesNeed(HETU, target);
    }

    private static String[] nurseIdentifiesNeed(String hetu, String target) {
        var created = as(TestUsers.NURSE, suite.referral).body(need(hetu, target)).post("/needs").then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("status", equalTo("AWAITING_CONSENT"))
                .extract();
        return new String[] { created.path("id"), created.path("referralId") };
    }

    private static void awaitStatus(String referralId, String status) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    @Order(1)
    void needConsentReferralAcceptanceCompletionAndFeedbackToTheSender() {
        String referralId = nurseIdentifiesNeed(TestUsers.SOCIAL_SERVICES)[1];
        as(TestUsers.NURSE, suite.referral).get("/referrals/" + referralId).then()
                .statusCode(200).body("status", equalTo("AWAITING_CONSENT"));

        as(TestUsers.NURSE, suite.consent).body(consent("REFERRAL", TestUsers.SOCIAL_SERVICES)).post("/consents")
                .then().statusCode(201).body("id", notNullValue()).body("status", equalTo("ACTIVE"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then()
                .body("status", equalTo("SENT"))
                .body("consentDecisionId", notNullValue()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER, suite.notification)
                .get("/inbox").then().statusCode(200)
                .body("findAll { it.type == 'REFERRAL_RECEIVED' }.referralId", hasItem(referralId)));

        as(TestUsers.SOCIAL_WORKER, suite.referral).post("/referrals/" + referralId + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        as(TestUsers.SOCIAL_WORKER, suite.referral)
                .body(Map.of("outcome", "SERVICE_PROVIDED", "feedback", "Asiakkaalle varattu aika sosiaalityöhön."))
                .post("/referrals/" + referralId + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NURSE, suite.notification)
                .get("/inbox").then().statusCode(200)
                .body("findAll { it.type == 'REFERRAL_COMPLETED' }.referralId", hasItem(referralId)));
        as(TestUsers.NURSE, suite.referral).get("/referrals/" + referralId).then()
                .body("feedback", equalTo("Asiakkaalle varattu aika sosiaalityöhön."));
    }

    @Test
    @Order(2)
    void aConsentThatDoesNotCoverTheReferralLeavesItWaiting() {
        String hetu = "131052-9085"; // a client who has consented to nothing yet
        String waiting = nurseIdentifiesNeed(hetu, TestUsers.SOCIAL_SERVICES)[1];
        String marker = nurseIdentifiesNeed(hetu, TestUsers.NGO)[1];
        awaitConsentRequested(waiting);
        awaitConsentRequested(marker);

        // Another purpose for the right recipient, then the right purpose for another recipient.
        as(TestUsers.NURSE, suite.consent).body(consent(hetu, "JOINT_CLIENT_PLAN", TestUsers.SOCIAL_SERVICES))
                .post("/consents").then().statusCode(201);
        as(TestUsers.NURSE, suite.consent).body(consent(hetu, "REFERRAL", TestUsers.NGO)).post("/consents").then()
                .statusCode(201);

        // The NGO referral was sent on the second consent; decisions travel in order per client, so
        // the first referral has had every chance to be sent too — and must not have been.
        awaitStatus(marker, "SENT");
        as(TestUsers.NURSE, suite.referral).get("/referrals/" + waiting).then().body("status",
                equalTo("AWAITING_CONSENT"));
    }

    private static void awaitConsentRequested(String referralId) {
        String needId = as(TestUsers.NURSE, suite.referral).get("/referrals/" + referralId).then().extract()
                .path("needId");
        List<ConsumerRecord<String, String>> requested = TestEvents.read(EventType.CONSENT_REQUESTED,
                rs -> rs.stream().anyMatch(r -> r.value().contains(needId)), Duration.ofSeconds(15));
        assertThat(requested).anyMatch(r -> r.value().contains(needId));
    }

    @Test
    @Order(3)
    void accessIsCheckedAndBadInputIsAClearClientError() {
        String referralId = nurseIdentifiesNeed(TestUsers.SOCIAL_SERVICES)[1];
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + referralId).then()
                .statusCode(anyOf(is(403), is(404))).contentType("application/problem+json");
        given().baseUri(suite.referral.baseUri()).get("/referrals/" + referralId).then().statusCode(401);
        given().baseUri(suite.notification.baseUri()).get("/inbox").then().statusCode(401);
        given().baseUri(suite.consent.baseUri()).contentType(ContentType.JSON).body(consent("REFERRAL",
                TestUsers.SOCIAL_SERVICES)).post("/consents").then().statusCode(401);
        given().baseUri(suite.carePlan.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("client", HETU, "invitedOrganisation", TestUsers.HEALTH_CENTRE))
                .post("/joint-assessments").then().statusCode(401);
        as(TestUsers.NURSE, suite.referral).body(Map.of("client", "010190-900A", "category", "MENTAL_HEALTH",
                "targetSector", "SOCIAL", "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE"))
                .post("/needs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("client"));
        as(TestUsers.NURSE, suite.consent).body(Map.of("client", "010190-900A", "purpose", "REFERRAL",
                "recipients", List.of(TestUsers.SOCIAL_SERVICES), "dataCategories", List.of("NEED_SUMMARY"),
                "validUntil", "2027-12-31", "form", "ORAL"))
                .post("/consents").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("client"));
    }

    @Test
    @Order(4)
    void aJointAssessmentInvitationReachesTheHealthCentre() {
        String assessmentId = as(TestUsers.SOCIAL_WORKER, suite.carePlan)
                .body(Map.of("client", HETU, "invitedOrganisation", TestUsers.HEALTH_CENTRE))
                .post("/joint-assessments").then()
                .statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NURSE, suite.notification)
                .get("/inbox").then().statusCode(200)
                .body("findAll { it.type == 'JOINT_ASSESSMENT_REQUESTED' }.assessmentId", hasItem(assessmentId)));
    }

    @Test
    @Order(5)
    void theCarePlanOverviewFollowsTheReferralsOfTheClient() {
        String referralId = nurseIdentifiesNeed(TestUsers.SOCIAL_SERVICES)[1];
        String clientId = as(TestUsers.NURSE, suite.referral).get("/referrals/" + referralId).then().extract()
                .path("clientId");
        awaitStatus(referralId, "SENT"); // the consent of the first scenario covers it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NURSE, suite.carePlan)
                .get("/clients/" + clientId + "/overview").then().statusCode(200)
                .body("referrals.referralId", hasItem(referralId)));
        as(TestUsers.NGO_WORKER, suite.carePlan).get("/clients/" + clientId + "/overview").then()
                .statusCode(anyOf(is(200), is(403), is(404)))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(referralId)));
    }

    @Test
    @Order(99)
    void everyEventOnTheWireKeepsItsContractAndNoPersonalDataReachedTopicsOrLogs() {
        List<String> topics = Arrays.stream(Topic.values()).map(Topic::topic).toList();
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrap(), topics,
                rs -> false, Duration.ofSeconds(5));
        assertThat(records).extracting(r -> TestEvents.tree(r.value()).path("type").asText()).contains(
                EventType.NEED_IDENTIFIED.type(), EventType.CONSENT_REQUESTED.type(), EventType.CONSENT_GRANTED.type(),
                EventType.REFERRAL_SENT.type(), EventType.REFERRAL_ACCEPTED.type(),
                EventType.REFERRAL_COMPLETED.type(), EventType.JOINT_ASSESSMENT_REQUESTED.type(),
                EventType.ORGANISATION_CHANGED.type(), EventType.NOTIFICATION_DELIVERED.type());
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = TestEvents.tree(record.value());
            assertThat(EventSchemas.eventErrors(event)).as(record.topic() + " " + record.value()).isEmpty();
            assertThat(EventType.ofType(event.path("type").asText())).as("the type's family topic")
                    .map(EventType::topic).contains(record.topic());
            assertThat(record.key()).isEqualTo(event.path("subject").asText());
            assertThat(record.value()).doesNotContain(HETU).doesNotContainPattern(CLIENTS_IN_ANY_FORM)
                    .doesNotContain("sosiaalityöhön");
        }
        String logs = suite.logs();
        assertThat(logs).isNotEmpty().doesNotContain(HETU).doesNotContainPattern(CLIENTS_IN_ANY_FORM)
                .doesNotContain("sosiaalityöhön");
    }

    private static String bootstrap() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }
}
