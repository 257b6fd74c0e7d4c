package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.careplan.AuditTable.Row;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1 for joint client plans: creating, reading, approving a new version, reading the versions, handing
 * the responsible worker over and reading the hand-overs each leave one PERMITTED record (resource CARE_PLAN, purpose
 * JOINT_CLIENT_PLAN) — basis CONSENT for an organisation whose share a consent let in, none for the plan's own
 * organisation — and the client's {@code /me/plans} one LIST per plan it returned, with the client as the actor.
 */
@CarePlanServiceTest
class EveryReadAndWriteOfAPlanIsAudited {

    @Test
    void eachActOnAPlanLeavesOneRecordWithTheActorsBasis() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);

        String create = AuditTable.correlation();
        var created = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", create)
                .body(plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO)).post("/plans").then().statusCode(201)
                .extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        assertThat(AuditTable.of(create)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "CREATE", "CARE_PLAN", id, clientId, "JOINT_CLIENT_PLAN",
                null, "PERMITTED", null, create));

        String read = AuditTable.correlation();
        String etag = as(TestUsers.NGO_WORKER).header("X-Correlation-Id", read).get("/plans/" + id).then()
                .statusCode(200).extract().header("ETag");
        assertThat(AuditTable.of(read)).singleElement().isEqualTo(new Row(TestUsers.NGO_WORKER.sub(), TestUsers.NGO,
                "ngo-worker", "READ", "CARE_PLAN", id, clientId, "JOINT_CLIENT_PLAN", "CONSENT", "PERMITTED", null,
                read));

        String update = AuditTable.correlation();
        etag = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", update).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.NGO), TestUsers.NGO, "Työllistymisen tuki"))
                .put("/plans/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(AuditTable.of(update)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "UPDATE", "CARE_PLAN", id, clientId, "JOINT_CLIENT_PLAN",
                null, "PERMITTED", null, update));

        String versions = AuditTable.correlation();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", versions).get("/plans/" + id + "/versions").then()
                .statusCode(200);
        assertThat(AuditTable.of(versions)).singleElement().extracting(Row::action, Row::legalBasis)
                .containsExactly("READ", "CONSENT");

        String handOver = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", handOver).header("If-Match", etag)
                .body(Map.of("worker", "ngo", "organisation", TestUsers.NGO, "reason", "WORKLOAD"))
                .post("/plans/" + id + "/responsible-worker").then().statusCode(200);
        assertThat(AuditTable.of(handOver)).singleElement().extracting(Row::action, Row::resourceId, Row::outcome)
                .containsExactly("UPDATE", id, "PERMITTED");

        String history = AuditTable.correlation();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", history).get("/plans/" + id + "/responsible-worker/history")
                .then().statusCode(200);
        assertThat(AuditTable.of(history)).singleElement().extracting(Row::action, Row::actorOrg)
                .containsExactly("READ", TestUsers.NGO);

        assertThat(AuditTable.ofClient(clientId)).as("no record carries the henkilötunnus")
                .noneSatisfy(row -> assertThat(row.toString()).contains(hetu));
    }

    @Test
    void theClientsOwnListRecordsOneEntryPerPlanWithTheClientAsActor() {
        String hetu = newTestHetu();
        String first = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("id");
        var second = create(TestUsers.NURSE, plan(hetu, List.of(), TestUsers.HEALTH_CENTRE)).statusCode(201)
                .extract();
        String clientId = second.path("clientId");

        var client = Plans.clientUser(hetu);
        String list = AuditTable.correlation();
        as(client).header("X-Correlation-Id", list).get("/me/plans").then().statusCode(200);
        List<Row> rows = AuditTable.of(list);
        assertThat(rows).extracting(Row::resourceId).containsExactlyInAnyOrder(first, second.path("id"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actorSub()).isEqualTo(client.sub());
            assertThat(row.actorOrg()).isNull();
            assertThat(row.actorRole()).isEqualTo("client");
            assertThat(row.action()).isEqualTo("LIST");
            assertThat(row.resourceType()).isEqualTo("CARE_PLAN");
            assertThat(row.clientId()).isEqualTo(clientId);
            assertThat(row.purpose()).isEqualTo("JOINT_CLIENT_PLAN");
            assertThat(row.outcome()).isEqualTo("PERMITTED");
        });

        String none = AuditTable.correlation();
        as(Plans.clientUser(newTestHetu())).header("X-Correlation-Id", none).get("/me/plans").then().statusCode(200);
        assertThat(AuditTable.of(none)).as("an empty list records nothing").isEmpty();
    }
}
