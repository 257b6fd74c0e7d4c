package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.eventAbout;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.invitation;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

@CarePlanServiceTest
class JointAssessmentRequestTest {

    @Test
    void socialWorkerInvitesHealthCareAndTheInvitationIsAnnouncedWithoutPersonalData() {
        String hetu = newTestHetu();
        String id = socialWorkerInvitesHealthCentre(hetu)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/joint-assessments/"))
                .body("id", notNullValue())
                .body("status", equalTo("REQUESTED"))
                .body("clientId", matchesPattern("[0-9a-f]{64}"))
                .body("requestingOrganisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .body("invitedOrganisation", equalTo(TestUsers.HEALTH_CENTRE))
                .body("deadline", notNullValue())
                .body("allowedTransitions", containsInAnyOrder("ACKNOWLEDGED", "OVERDUE"))
                .extract().path("id");
        String clientId = as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then()
                .statusCode(200).extract().path("clientId");

        ConsumerRecord<String, String> record = eventAbout(EventType.JOINT_ASSESSMENT_REQUESTED, id);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("type").asText()).isEqualTo(EventType.JOINT_ASSESSMENT_REQUESTED.type());
        assertThat(record.key()).isEqualTo(clientId).isEqualTo(event.path("subject").asText());
        assertThat(event.path("data").path("clientId").asText()).isEqualTo(clientId);
        assertThat(event.path("data").path("status").asText()).isEqualTo("REQUESTED");
        assertThat(event.path("data").path("invitedOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
        assertThat(record.value()).doesNotContain(hetu).doesNotContain(hetu.substring(0, 6));
    }

    @Test
    void withoutDeadlineTheInvitedOrganisationHasFourteenDays() {
        String deadline = as(TestUsers.SOCIAL_WORKER).body(invitation(newTestHetu(), TestUsers.HEALTH_CENTRE, null))
                .post("/joint-assessments").then()
                .statusCode(201).extract().path("deadline");
        OffsetDateTime expected = OffsetDateTime.now(ZoneOffset.UTC).plusDays(14);
        assertThat(OffsetDateTime.parse(deadline)).isBetween(expected.minusMinutes(5), expected.plusMinutes(5));
    }

    @Test
    void bothOrganisationsSeeTheAssessmentAndNobodyElse() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then().statusCode(200)
                .body("participant", nullValue());
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().statusCode(200);
        as(TestUsers.NGO_WORKER).get("/joint-assessments/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidHenkilotunnusIsRejectedNamingTheFieldWithoutEchoingIt() {
        String body = as(TestUsers.SOCIAL_WORKER).body(invitation("131052-9086", TestUsers.HEALTH_CENTRE, inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("client"))
                .extract().asString();
        assertThat(body).doesNotContain("131052");
    }

    @Test
    void deadlineMustBeInTheFuture() {
        as(TestUsers.SOCIAL_WORKER).body(invitation(newTestHetu(), TestUsers.HEALTH_CENTRE, inDays(-1)))
                .post("/joint-assessments").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("deadline"));
    }

    @Test
    void invitedOrganisationMustBeAnotherOrganisationAndAnOid() {
        as(TestUsers.SOCIAL_WORKER).body(invitation(newTestHetu(), TestUsers.SOCIAL_SERVICES, inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(400)
                .body("errors.field", hasItem("invitedOrganisation"));
        as(TestUsers.SOCIAL_WORKER).body(invitation(newTestHetu(), "Kittilän terveyskeskus", inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(400)
                .body("errors.field", hasItem("invitedOrganisation"));
    }

    @Test
    void malformedBodyIsAClientError() {
        as(TestUsers.SOCIAL_WORKER).body("{\"client\":").post("/joint-assessments").then()
                .statusCode(400).contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).body("{\"client\":\"010190-900P\",\"invitedOrganisation\":\"1.2.246.10.2345678.10.1\","
                + "\"deadline\":\"next week\"}").post("/joint-assessments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("deadline"));
    }

    @Test
    void onlySocialWorkersOfSocialCareRequest() {
        as(TestUsers.NURSE).body(invitation(newTestHetu(), TestUsers.SOCIAL_SERVICES, inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(403).contentType("application/problem+json");
        TestUser socialWorkerRoleInHealthCare = new TestUser("misconfigured", TestUsers.HEALTH_CENTRE, "HEALTH",
                Set.of("social-worker"), null);
        as(socialWorkerRoleInHealthCare).body(invitation(newTestHetu(), TestUsers.SOCIAL_SERVICES, inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(invitation(newTestHetu(), TestUsers.HEALTH_CENTRE, inDays(7)))
                .post("/joint-assessments").then()
                .statusCode(401);
    }
}
