package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledgement;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.invitation;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.careplan.AuditTable.Row;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1 (DESIGN §8) in care-plan-service: every REST read and write of a joint assessment leaves one
 * PERMITTED record in the act's transaction — who (sub, organisation, main role), what, whose (pseudonymous client
 * id), why (JOINT_ASSESSMENT; no consent decision, so no basis) and the request's correlation id — and so does a
 * read of the client overview that shows anything; an overview that shows nothing records nothing.
 */
@CarePlanServiceTest
class EveryReadAndWriteOfAJointAssessmentIsAudited {

    @Test
    void requestReadAcknowledgeAndCompleteEachLeaveOneRecord() {
        String hetu = newTestHetu();
        String create = AuditTable.correlation();
        var created = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", create)
                .body(invitation(hetu, TestUsers.HEALTH_CENTRE, inDays(7))).post("/joint-assessments").then()
                .statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        assertThat(AuditTable.of(create)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "CREATE", "JOINT_ASSESSMENT", id, clientId,
                "JOINT_ASSESSMENT", null, "PERMITTED", null, create));

        String read = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", read).get("/joint-assessments/" + id).then().statusCode(200);
        assertThat(AuditTable.of(read)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "READ", "JOINT_ASSESSMENT", id, clientId,
                "JOINT_ASSESSMENT", null, "PERMITTED", null, read));

        String acknowledge = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", acknowledge)
                .body(acknowledgement("Sairaanhoitaja Testi", inDays(3)))
                .post("/joint-assessments/" + id + "/acknowledge").then().statusCode(200);
        assertThat(AuditTable.of(acknowledge)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "UPDATE", "JOINT_ASSESSMENT", id, clientId,
                "JOINT_ASSESSMENT", null, "PERMITTED", null, acknowledge));

        String complete = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", complete)
                .post("/joint-assessments/" + id + "/complete").then().statusCode(200);
        assertThat(AuditTable.of(complete)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("UPDATE");
            assertThat(row.actorSub()).isEqualTo(TestUsers.SOCIAL_WORKER.sub());
            assertThat(row.resourceId()).isEqualTo(id);
            assertThat(row.outcome()).isEqualTo("PERMITTED");
        });

        assertThat(AuditTable.ofClient(clientId)).as("no record carries the henkilötunnus")
                .noneSatisfy(row -> assertThat(row.toString()).contains(hetu));
    }

    @Test
    void aFailedTransitionLeavesNoRecord() {
        String id = Scenario.socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        String tooEarly = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", tooEarly)
                .post("/joint-assessments/" + id + "/complete").then().statusCode(409);
        assertThat(AuditTable.of(tooEarly)).isEmpty();
    }

    @Test
    void anOverviewThatShowsSomethingIsOneReadOfTheClientsOverview() {
        var created = Scenario.socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract();
        String clientId = created.path("clientId");

        String read = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", read).get("/clients/" + clientId + "/overview").then()
                .statusCode(200);
        assertThat(AuditTable.of(read)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "READ", "CLIENT_OVERVIEW", null, clientId, null,
                null, "PERMITTED", null, read));

        String nothing = AuditTable.correlation();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", nothing).get("/clients/" + clientId + "/overview").then()
                .statusCode(200);
        assertThat(AuditTable.of(nothing)).as("the NGO is party to nothing of the client").isEmpty();
    }
}
