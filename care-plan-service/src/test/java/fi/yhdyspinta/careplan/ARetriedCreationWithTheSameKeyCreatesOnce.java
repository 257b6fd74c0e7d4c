package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.invitation;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * {@code POST /joint-assessments} and {@code POST /plans} with an {@code Idempotency-Key}: a retry with the same key
 * and body gets the first answer again (status, Location, body; the plan's ETag) and creates nothing more — one
 * assessment, one plan, one event, one audit record; the same key with another body is 422 naming the header; a
 * refused creation (no consent for a participant) leaves the key free for the corrected request.
 */
@CarePlanServiceTest
class ARetriedCreationWithTheSameKeyCreatesOnce {

    private static final String KEY = IdempotencyKeys.HEADER;

    @Test
    void aRetriedInvitationGetsTheFirstAnswerAndCreatesOneAssessment() {
        String hetu = newTestHetu();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = invitation(hetu, TestUsers.HEALTH_CENTRE, inDays(7));
        String correlation = AuditTable.correlation();

        var first = as(TestUsers.SOCIAL_WORKER).header(KEY, key).header("X-Correlation-Id", correlation).body(body)
                .post("/joint-assessments").then().statusCode(201).extract();
        var retry = as(TestUsers.SOCIAL_WORKER).header(KEY, key).header("X-Correlation-Id", correlation).body(body)
                .post("/joint-assessments").then().statusCode(201).header(IdempotentAnswer.REPLAYED_HEADER, "true")
                .extract();
        String id = first.path("id");
        assertThat(retry.<String>path("id")).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/joint-assessments/" + id);
        assertThat(Database.outboxEvents(EventType.JOINT_ASSESSMENT_REQUESTED, id)).isEqualTo(1);
        assertThat(AuditTable.of(correlation)).as("one creation, one record").singleElement()
                .extracting(AuditTable.Row::action).isEqualTo("CREATE");
        assertThat(AuditTable.ofClient(first.path("clientId")))
                .filteredOn(row -> row.resourceType().equals("JOINT_ASSESSMENT")).hasSize(1);

        Map<String, Object> other = invitation(hetu, TestUsers.NGO, inDays(7));
        as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(other).post("/joint-assessments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/idempotency-key-reuse"))
                .body("errors.field", hasItem(KEY));
    }

    @Test
    void aRetriedPlanGetsTheFirstAnswerWithItsETagAndCreatesOnePlan() {
        String hetu = newTestHetu();
        String key = UUID.randomUUID().toString();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        Map<String, Object> body = plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO);

        var first = as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(body).post("/plans").then().statusCode(201)
                .extract();
        var retry = as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(body).post("/plans").then().statusCode(201)
                .header(IdempotentAnswer.REPLAYED_HEADER, "true").extract();
        String id = first.path("id");
        assertThat(first.header("ETag")).isNotNull();
        assertThat(retry.<String>path("id")).isEqualTo(id);
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/plans/" + id);
        assertThat(Database.outboxEvents(EventType.CARE_PLAN_UPDATED, hetu)).isZero();
        assertThat(AuditTable.ofClient(first.path("clientId")))
                .filteredOn(row -> row.action().equals("CREATE")).hasSize(1);
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aRefusedPlanLeavesTheKeyFreeForTheCorrectedRequest() {
        String hetu = newTestHetu();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO);
        as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(body).post("/plans").then().statusCode(403);

        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(body).post("/plans").then().statusCode(201);
        as(TestUsers.SOCIAL_WORKER).header(KEY, key).body(body).post("/plans").then().statusCode(201)
                .header(IdempotentAnswer.REPLAYED_HEADER, "true");
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200).body("size()", equalTo(1));
    }
}
