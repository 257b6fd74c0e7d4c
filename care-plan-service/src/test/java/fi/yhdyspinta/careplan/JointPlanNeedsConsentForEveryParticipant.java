package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * SHL 39 §, 46 §: a joint client plan needs consent purpose JOINT_CLIENT_PLAN covering every participating
 * organisation. The caller's organisation discloses the plan, so it asks consent-service — with its own token — for
 * each other participant; one without a permit refuses the plan (403 naming it), and no answer refuses it too (503).
 */
@CarePlanServiceTest
class JointPlanNeedsConsentForEveryParticipant {

    @Test
    void aParticipantWithoutConsentIsNamedAndNoPlanIsMadeUntilTheConsentIsRecorded() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        var body = plan(hetu, List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO), TestUsers.NGO);

        String problem = create(TestUsers.SOCIAL_WORKER, body)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("participants[1]"))
                .body("errors[0].message", containsString(TestUsers.NGO))
                .body("purpose", equalTo("JOINT_CLIENT_PLAN"))
                .extract().asString();
        assertThat(problem).doesNotContain(hetu).doesNotContain(hetu.substring(0, 6));
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200).body("$", empty());

        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        String id = create(TestUsers.SOCIAL_WORKER, body)
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("sharing", equalTo("ACTIVE"))
                .body("planVersion", equalTo(1))
                .body("participants.organisation", containsInAnyOrder(TestUsers.SOCIAL_SERVICES,
                        TestUsers.HEALTH_CENTRE, TestUsers.NGO))
                .body("responsibleWorker.worker", equalTo(TestUsers.SOCIAL_WORKER.sub()))
                .body("responsibleWorker.organisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .extract().path("id");

        var record = Scenario.eventAbout(EventType.CARE_PLAN_UPDATED, id);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("participatingOrganisations")).hasSize(3);
        assertThat(record.value()).doesNotContain(hetu).doesNotContain("Arjen hallinta")
                .doesNotContain("Kotikäynnit");
    }

    @Test
    void theCallersOwnTokenAsksAndItsOrganisationIsTheDiscloser() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO)).statusCode(201);

        assertThat(ConsentServiceDouble.asked()).anySatisfy(asked -> {
            assertThat(asked.authorization()).startsWith("Bearer ey");
            assertThat(asked.subject()).as("the social worker's own token").isEqualTo(TestUsers.SOCIAL_WORKER.sub());
            assertThat(asked.discloser()).isEqualTo(TestUsers.SOCIAL_SERVICES);
            assertThat(asked.recipient()).isEqualTo(TestUsers.NGO);
            assertThat(asked.purpose()).isEqualTo("JOINT_CLIENT_PLAN");
        });
        assertThat(ConsentServiceDouble.asked()).as("the caller's own organisation needs no permit")
                .noneMatch(asked -> asked.recipient().equals(asked.discloser()));
    }

    @Test
    void aConsentRecordedByAnotherDiscloserDoesNotCount() {
        String hetu = newTestHetu();
        // the health centre recorded the client's consent for its own disclosures (D14): not the social services'
        ConsentServiceDouble.grant(hetu, TestUsers.HEALTH_CENTRE, TestUsers.NGO);
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(403)
                .body("errors[0].field", equalTo("participants[0]"));
    }

    @Test
    void withoutConsentServiceNoPlanIsMade() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        ConsentServiceDouble.unreachableDuring(() -> create(TestUsers.SOCIAL_WORKER,
                plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue()));
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200).body("$", empty());
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO)).statusCode(201);
    }

    @Test
    void aPlanOfOnlyTheCallersOwnOrganisationAsksNothing() {
        String hetu = newTestHetu();
        int before = ConsentServiceDouble.asked().size();
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES)).statusCode(201)
                .body("participants", hasSize(1));
        assertThat(ConsentServiceDouble.asked()).hasSize(before);
    }

    @Test
    void participantsAndActionOwnersAreCheckedNamingTheField() {
        String hetu = newTestHetu();
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(ConsentServiceDouble.UNKNOWN_ORGANISATION),
                TestUsers.SOCIAL_SERVICES))
                .statusCode(400)
                .body("errors[0].field", equalTo("participants[0]"));
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.NGO))
                .statusCode(400)
                .body("errors[0].field", equalTo("actions[0].organisation"));
        create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO, TestUsers.NGO), TestUsers.NGO))
                .statusCode(400)
                .body("errors[0].field", equalTo("participants[1]"));
        var badHetu = plan("131052-9086", List.of(), TestUsers.SOCIAL_SERVICES);
        String answer = create(TestUsers.SOCIAL_WORKER, badHetu).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("client")).extract().asString();
        assertThat(answer).doesNotContain("131052");
        var past = plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES);
        past.put("reviewDate", "2020-01-01");
        create(TestUsers.SOCIAL_WORKER, past).statusCode(400).body("errors[0].field", equalTo("reviewDate"));
        var unknownField = plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES);
        unknownField.put("responsibleWorkerId", "x");
        create(TestUsers.SOCIAL_WORKER, unknownField).statusCode(400);
    }

    @Test
    void aNamedResponsibleWorkerMustBeOfAParticipant() {
        String hetu = newTestHetu();
        var body = plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES);
        body.put("responsibleWorker", java.util.Map.of("worker", "nurse", "organisation", TestUsers.HEALTH_CENTRE));
        create(TestUsers.SOCIAL_WORKER, body).statusCode(400)
                .body("errors[0].field", equalTo("responsibleWorker.organisation"));
    }

    @Test
    void clientsAndOpsCannotMakePlans() {
        String hetu = newTestHetu();
        create(Plans.clientUser(hetu), plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES)).statusCode(403);
        create(TestUsers.OPS, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES)).statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json")
                .body(plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES)).post("/plans").then().statusCode(401);
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200).body("$", not(hasSize(1)));
    }
}
