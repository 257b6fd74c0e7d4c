package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.eventAbout;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvites;
import static fi.yhdyspinta.careplan.Scenario.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * D40/3: past the deadline every silent invitation escalates at once — one overdue event naming each silent
 * organisation (notification-service tells their unit leads and the requester) — and the requester may then complete
 * with the organisations that answered: they, and only they, seed the plan and are the archive document's performers.
 */
@CarePlanServiceTest
class OverdueReachesEachSilentInviteeAndTheRequesterCompletesWithThoseWhoAnswered {

    @Test
    void silentInviteesEscalateOnceAndTheCompletionNamesThoseWhoAnswered() {
        String hetu = newTestHetu();
        String id = socialWorkerInvites(hetu, List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO,
                TestUsers.CENTRAL_HOSPITAL)).statusCode(201).extract().path("id");
        acknowledge(TestUsers.NGO_WORKER, id, "Ohjaaja O.").statusCode(200);

        Database.moveDeadline(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER)
                .get("/joint-assessments/" + id).then().statusCode(200)
                .body("status", equalTo("OVERDUE"))
                .body("invitations.status", contains("OVERDUE", "ACKNOWLEDGED", "OVERDUE")));
        JsonNode overdue = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_OVERDUE, id).value());
        assertThat(EventSchemas.eventErrors(overdue)).isEmpty();
        assertThat(texts(overdue.path("data").path("changedInvitations")))
                .containsExactly(TestUsers.HEALTH_CENTRE, TestUsers.CENTRAL_HOSPITAL);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Database.outboxEvents(EventType.JOINT_ASSESSMENT_OVERDUE, id) == 1);

        // the answered NGO cannot complete; the requester can, with the one that answered
        as(TestUsers.NGO_WORKER).post("/joint-assessments/" + id + "/complete").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("needs", List.of("HOUSING")))
                .post("/joint-assessments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("invitations.status", contains("OVERDUE", "COMPLETED", "OVERDUE"))
                .body("allowedTransitions", org.hamcrest.Matchers.empty());
        JsonNode completed = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_COMPLETED, id).value());
        assertThat(EventSchemas.eventErrors(completed)).isEmpty();
        assertThat(texts(completed.path("data").path("changedInvitations"))).containsExactly(TestUsers.NGO);
        // a silent invitee answering after the completion is a conflict
        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja N.").statusCode(409);

        // the archive document names the requester and the contributing NGO, not the silent ones
        String document = ArchiveFeed.document(id, "");
        assertThat(document).contains(TestUsers.SOCIAL_SERVICES, TestUsers.NGO)
                .doesNotContain(TestUsers.HEALTH_CENTRE).doesNotContain(TestUsers.CENTRAL_HOSPITAL);
        assertThat(new JsonPath(document).getList("entry[1].resource.performer")).hasSize(1);

        // the plan seeded from it: the requester and the NGO
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("client", hetu, "fromJointAssessment", id))
                .post("/plans").then().statusCode(201)
                .body("participants.organisation", containsInAnyOrder(TestUsers.SOCIAL_SERVICES, TestUsers.NGO))
                .body("goals.category", hasItem("HOUSING"));
    }

    @Test
    void withNoOrganisationAnsweredThereIsNothingToComplete() {
        String id = socialWorkerInvites(newTestHetu(), List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO))
                .statusCode(201).extract().path("id");
        Database.moveDeadline(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER)
                .get("/joint-assessments/" + id).then().body("status", equalTo("OVERDUE")));
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then().statusCode(409)
                .body("allowedTransitions", contains("ACKNOWLEDGED"));
        // an overdue invitee still answers, and then the assessment can be completed
        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja N.").statusCode(200)
                .body("status", equalTo("OVERDUE"))
                .body("allowedTransitions", containsInAnyOrder("ACKNOWLEDGED", "COMPLETED"));
    }
}
