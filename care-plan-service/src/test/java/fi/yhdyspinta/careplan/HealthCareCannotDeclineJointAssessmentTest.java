package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * THL 32.2 §, SHL 41 §: the social worker may ask health care to take part in a joint service-need
 * assessment and health care cannot refuse. There is no way to decline an invitation.
 */
@CarePlanServiceTest
class HealthCareCannotDeclineJointAssessmentTest {

    @Test
    void thereIsNoDeclineEndpoint() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");

        as(TestUsers.NURSE).body(Map.of("reason", "NO_CAPACITY"))
                .post("/joint-assessments/" + id + "/decline").then()
                .statusCode(in(List.of(404, 405)))
                .contentType("application/problem+json");
        as(TestUsers.UNIT_LEAD).post("/joint-assessments/" + id + "/reject").then()
                .statusCode(in(List.of(404, 405)))
                .contentType("application/problem+json");

        as(TestUsers.NURSE).get("/joint-assessments/" + id).then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("allowedTransitions", containsInAnyOrder("ACKNOWLEDGED", "OVERDUE"));
    }

    @Test
    void noStatusMeansDeclined() {
        assertThat(Arrays.stream(JointAssessmentStatus.values()).map(Enum::name))
                .containsExactlyInAnyOrder("REQUESTED", "ACKNOWLEDGED", "OVERDUE", "COMPLETED");
    }
}
