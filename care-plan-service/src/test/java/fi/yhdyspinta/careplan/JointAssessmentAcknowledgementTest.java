package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.acknowledgement;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.eventAbout;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

@CarePlanServiceTest
class JointAssessmentAcknowledgementTest {

    private static final String PARTICIPANT = "Sairaanhoitaja Niina Näytönen";

    @Test
    void invitedHealthCentreAcknowledgesWithParticipantAndTimeWhichStayOffTheWire() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");

        acknowledge(TestUsers.NURSE, id, PARTICIPANT)
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("participant", equalTo(PARTICIPANT))
                .body("scheduledAt", notNullValue())
                .body("allowedTransitions", contains("COMPLETED"));
        as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("participant", equalTo(PARTICIPANT));

        ConsumerRecord<String, String> record = eventAbout(EventType.JOINT_ASSESSMENT_ACKNOWLEDGED, id);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("status").asText()).isEqualTo("ACKNOWLEDGED");
        // the assessment's version travels with its state: the acknowledgement is newer than the invitation
        long requested = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_REQUESTED, id).value())
                .path("data").path("aggregateVersion").asLong(-1);
        assertThat(requested).isNotNegative();
        assertThat(event.path("data").path("aggregateVersion").asLong(-1)).isGreaterThan(requested);
        assertThat(record.key()).isEqualTo(event.path("data").path("clientId").asText());
        assertThat(record.value()).doesNotContain("Sairaanhoitaja").doesNotContain("Näytönen");
    }

    @Test
    void anOrganisationThatIsNotInvitedCannotAcknowledge() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        acknowledge(TestUsers.NGO_WORKER, id, PARTICIPANT)
                .statusCode(404).contentType("application/problem+json");
        acknowledge(TestUsers.SOCIAL_WORKER, id, PARTICIPANT)
                .statusCode(403).contentType("application/problem+json");
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
    }

    @Test
    void acknowledgingTwiceIsAConflictNamingTheAllowedTransitions() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        acknowledge(TestUsers.NURSE, id, PARTICIPANT).statusCode(200);
        acknowledge(TestUsers.DOCTOR, id, "Lääkäri L.L.")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/illegal-transition"))
                .body("currentStatus", equalTo("ACKNOWLEDGED"))
                .body("allowedTransitions", contains("COMPLETED"));
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then()
                .body("participant", equalTo(PARTICIPANT));
    }

    @Test
    void acknowledgementNeedsParticipantAndFutureTime() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        as(TestUsers.NURSE).body(Map.of("scheduledAt", inDays(2).toString()))
                .post("/joint-assessments/" + id + "/acknowledge").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("participant"));
        as(TestUsers.NURSE).body(Map.of("participant", "  "))
                .post("/joint-assessments/" + id + "/acknowledge").then()
                .statusCode(400)
                .body("errors.field", hasItem("participant"))
                .body("errors.field", hasItem("scheduledAt"));
        String body = as(TestUsers.NURSE).body(acknowledgement(PARTICIPANT, inDays(-1)))
                .post("/joint-assessments/" + id + "/acknowledge").then()
                .statusCode(400)
                .body("errors.field", hasItem("scheduledAt"))
                .extract().asString();
        assertThat(body).doesNotContain("Sairaanhoitaja");
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().body("status", equalTo("REQUESTED"));
    }

    @Test
    void requestingOrganisationCompletesAnAcknowledgedAssessment() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then()
                .statusCode(409)
                .body("allowedTransitions", hasItem("ACKNOWLEDGED"));
        acknowledge(TestUsers.NURSE, id, PARTICIPANT).statusCode(200);
        as(TestUsers.NURSE).post("/joint-assessments/" + id + "/complete").then()
                .statusCode(403).contentType("application/problem+json");

        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue())
                .body("allowedTransitions", empty());

        JsonNode event = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_COMPLETED, id).value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("status").asText()).isEqualTo("COMPLETED");
    }
}
