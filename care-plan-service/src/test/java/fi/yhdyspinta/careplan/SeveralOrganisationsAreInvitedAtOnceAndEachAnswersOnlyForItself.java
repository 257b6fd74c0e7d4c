package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.eventAbout;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvites;
import static fi.yhdyspinta.careplan.Scenario.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 10 point 4: one request invites several organisations (1–10, distinct, none the requester's own, each active
 * in the registry, a refusal naming each field); each invited organisation acknowledges only its own invitation, an
 * organisation not invited gets 404, and the requester cannot complete while an invitation awaits its answer.
 */
@CarePlanServiceTest
class SeveralOrganisationsAreInvitedAtOnceAndEachAnswersOnlyForItself {

    private static final List<String> THREE = List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO,
            TestUsers.CENTRAL_HOSPITAL);

    @Test
    void threeOrganisationsAreInvitedByOneRequestAndAnnouncedInOneEvent() {
        String id = socialWorkerInvites(newTestHetu(), THREE).statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("invitedOrganisations", contains(THREE.toArray()))
                .body("invitations.status", contains("REQUESTED", "REQUESTED", "REQUESTED"))
                .body("invitedOrganisation", equalTo(TestUsers.HEALTH_CENTRE))
                .extract().path("id");
        for (var user : List.of(TestUsers.NURSE, TestUsers.NGO_WORKER, TestUsers.HOSPITAL_NURSE)) {
            as(user).get("/joint-assessments/" + id).then().statusCode(200);
        }
        as(TestUsers.CHILD_WELFARE_WORKER).get("/joint-assessments/" + id).then().statusCode(404);

        JsonNode event = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_REQUESTED, id).value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(texts(event.path("data").path("changedInvitations"))).containsExactlyElementsOf(THREE);
        assertThat(texts(event.path("data").path("invitedOrganisations"))).containsExactlyElementsOf(THREE);
    }

    @Test
    void eachInvitedOrganisationAcknowledgesOnlyItsOwnInvitation() {
        String id = socialWorkerInvites(newTestHetu(), THREE).statusCode(201).extract().path("id");

        acknowledge(TestUsers.NGO_WORKER, id, "Ohjaaja O.").statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("invitations.status", contains("REQUESTED", "ACKNOWLEDGED", "REQUESTED"))
                .body("invitations[1].participant", equalTo("Ohjaaja O."))
                .body("invitations[0].participant", nullValue());
        JsonNode event = TestEvents.tree(eventAbout(EventType.JOINT_ASSESSMENT_ACKNOWLEDGED, id).value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(texts(event.path("data").path("changedInvitations"))).containsExactly(TestUsers.NGO);
        assertThat(event.path("data").path("invitedOrganisation").asText()).isEqualTo(TestUsers.NGO);

        // the NGO has answered: answering again is a conflict, and it cannot answer for the health centre
        acknowledge(TestUsers.NGO_WORKER, id, "Ohjaaja O.").statusCode(409)
                .body("currentStatus", equalTo("ACKNOWLEDGED"));
        // not invited: 404; the requester is no invitee: 403
        acknowledge(TestUsers.CHILD_WELFARE_WORKER, id, "Sosiaalityöntekijä").statusCode(404);
        acknowledge(TestUsers.SOCIAL_WORKER, id, "Sosiaalityöntekijä").statusCode(403);
        as(TestUsers.NURSE).get("/joint-assessments/" + id).then()
                .body("invitations.status", contains("REQUESTED", "ACKNOWLEDGED", "REQUESTED"));

        // two invitations still await their answer within the deadline: no completion yet
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then().statusCode(409)
                .body("currentStatus", equalTo("REQUESTED"))
                .body("allowedTransitions", hasItem("ACKNOWLEDGED"));

        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja N.").statusCode(200).body("status", equalTo("REQUESTED"));
        acknowledge(TestUsers.HOSPITAL_NURSE, id, "Sairaanhoitaja S.").statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("allowedTransitions", contains("COMPLETED"));
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("invitations.status", contains("COMPLETED", "COMPLETED", "COMPLETED"));
    }

    @Test
    void eachInvalidInvitedOrganisationIsNamedByItsField() {
        String hetu = newTestHetu();
        socialWorkerInvites(hetu, List.of(TestUsers.NGO, TestUsers.SOCIAL_SERVICES, TestUsers.NGO,
                TestUsers.CLOSED_CLINIC, ConsentServiceDouble.UNKNOWN_ORGANISATION))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("invitedOrganisations[1]", "invitedOrganisations[2]"));
        socialWorkerInvites(hetu, List.of(TestUsers.NGO, TestUsers.CLOSED_CLINIC,
                ConsentServiceDouble.UNKNOWN_ORGANISATION))
                .statusCode(400)
                .body("errors.field", contains("invitedOrganisations[1]", "invitedOrganisations[2]"));
        socialWorkerInvites(hetu, List.of()).statusCode(400).body("errors.field", hasItem("invitedOrganisations"));
        List<String> eleven = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add("1.2.246.10.5555." + i);
        }
        socialWorkerInvites(hetu, eleven).statusCode(400).body("errors.field", hasItem("invitedOrganisations"));

        Map<String, Object> both = new LinkedHashMap<>();
        both.put("client", hetu);
        both.put("invitedOrganisation", TestUsers.HEALTH_CENTRE);
        both.put("invitedOrganisations", List.of(TestUsers.NGO));
        as(TestUsers.SOCIAL_WORKER).body(both).post("/joint-assessments").then().statusCode(400)
                .body("errors.field", hasItem("invitedOrganisation"));
        Map<String, Object> neither = Map.of("client", hetu, "deadline", inDays(3).toString());
        as(TestUsers.SOCIAL_WORKER).body(neither).post("/joint-assessments").then().statusCode(400)
                .body("errors.field", hasItem("invitedOrganisations"));
        socialWorkerInvites(hetu, List.of("not-an-oid")).statusCode(400);
    }
}
