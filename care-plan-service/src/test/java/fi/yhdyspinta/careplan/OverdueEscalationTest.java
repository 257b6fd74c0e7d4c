package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.eventAbout;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** An unacknowledged invitation escalates after its deadline (THL 32.2 §): once, and it can still be acknowledged. */
@CarePlanServiceTest
class OverdueEscalationTest {

    @Test
    void anUnacknowledgedInvitationPastItsDeadlineEscalatesOnceAndCanStillBeAcknowledged() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().body("status", equalTo("REQUESTED"));

        Database.moveDeadline(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER)
                .get("/joint-assessments/" + id).then()
                .statusCode(200)
                .body("status", equalTo("OVERDUE"))
                .body("overdueAt", notNullValue()));
        JsonNode event = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_OVERDUE, id).value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("status").asText()).isEqualTo("OVERDUE");
        assertThat(event.path("data").path("invitedOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);

        // the escalation runs every second in tests: later rounds must not escalate the same invitation again
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Database.outboxEvents(EventType.JOINT_ASSESSMENT_OVERDUE, id) == 1);

        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja N.N.")
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        assertThat(Database.outboxEvents(EventType.JOINT_ASSESSMENT_OVERDUE, id)).isEqualTo(1);
    }

    @Test
    void anInvitationWithinItsDeadlineIsNotEscalated() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Database.outboxEvents(EventType.JOINT_ASSESSMENT_OVERDUE, id) == 0);
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().body("status", equalTo("REQUESTED"));
    }
}
