package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.handOver;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * SHL 42 §: a client plan has exactly one responsible worker (vastuutyöntekijä) at a time, and every hand-over is
 * kept (from, to, when, why). Concurrent hand-overs: exactly one wins, the others are told the plan changed.
 */
@CarePlanServiceTest
class ExactlyOneResponsibleWorker {

    @Test
    void concurrentHandOversLeaveExactlyOneResponsibleWorkerAndTheHistoryOfTheWinner() throws Exception {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.HEALTH_CENTRE, TestUsers.NGO),
                TestUsers.NGO)).statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        int contenders = 6;
        String token = TestInfrastructure.tokenFor(TestUsers.SOCIAL_WORKER);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                String worker = "worker-" + i;
                String organisation = i % 2 == 0 ? TestUsers.HEALTH_CENTRE : TestUsers.NGO;
                Callable<Response> handOver = () -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                            .body(Map.of("worker", worker, "organisation", organisation, "reason", "WORKLOAD"))
                            .post("/plans/" + id + "/responsible-worker");
                };
                answers.add(pool.submit(handOver));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Response winner = null;
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    winner = response;
                }
            }
            assertThat(statuses).as("all named the same version: exactly one wins " + statuses)
                    .filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).as("the others are told the plan changed (412) or lost the race at the write (409)")
                    .allMatch(s -> s == 200 || s == 409 || s == 412);
            assertThat(winner).isNotNull();
        } finally {
            pool.shutdownNow();
        }

        var plan = as(TestUsers.SOCIAL_WORKER).get("/plans/" + id).then().statusCode(200).extract();
        String responsible = plan.path("responsibleWorker.worker");
        assertThat(responsible).startsWith("worker-");
        List<Map<String, Object>> history = plan.path("responsibleWorkerHistory");
        assertThat(Database.handOvers(id)).as("history rows: the first assignment and the winning hand-over")
                .isEqualTo(history.size()).isEqualTo(2);
        assertThat(history.get(history.size() - 1).get("toWorker")).isEqualTo(responsible);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).get("fromWorker")).as("each hand-over starts from the one before")
                    .isEqualTo(history.get(i - 1).get("toWorker"));
        }
    }

    @Test
    void aHandOverIsKeptAndBothOrganisationsAreToldWithoutPersonalData() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.HEALTH_CENTRE),
                TestUsers.HEALTH_CENTRE)).statusCode(201).extract();
        String id = created.path("id");
        String etag2 = handOver(TestUsers.SOCIAL_WORKER, id, created.header("ETag"), "nurse", TestUsers.HEALTH_CENTRE,
                "SERVICE_NEED_CHANGED")
                .statusCode(200)
                .body("responsibleWorker.worker", equalTo("nurse"))
                .body("responsibleWorker.organisation", equalTo(TestUsers.HEALTH_CENTRE))
                .extract().header("ETag");
        assertThat(etag2).isNotEqualTo(created.header("ETag"));

        as(TestUsers.NURSE).get("/plans/" + id + "/responsible-worker/history").then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].toWorker", equalTo(TestUsers.SOCIAL_WORKER.sub()))
                .body("[0].reason", equalTo("ASSIGNMENT"))
                .body("[1].fromWorker", equalTo(TestUsers.SOCIAL_WORKER.sub()))
                .body("[1].fromOrganisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .body("[1].toWorker", equalTo("nurse"))
                .body("[1].reason", equalTo("SERVICE_NEED_CHANGED"))
                .body("[1].changedBy", equalTo(TestUsers.SOCIAL_WORKER.sub()));

        var record = Scenario.eventAbout(EventType.CARE_PLAN_RESPONSIBLE_WORKER_CHANGED, id);
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("fromOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(event.path("data").path("toOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
        assertThat(record.value()).doesNotContain(hetu);
    }

    @Test
    void theResponsibleWorkerIsOfAParticipantAndAStaleOrRepeatedHandOverIsRefused() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        handOver(TestUsers.SOCIAL_WORKER, id, null, "nurse", TestUsers.HEALTH_CENTRE, "WORKLOAD")
                .statusCode(400).body("errors[0].field", equalTo("organisation"));
        handOver(TestUsers.SOCIAL_WORKER, id, null, TestUsers.SOCIAL_WORKER.sub(), TestUsers.SOCIAL_SERVICES,
                "WORKLOAD").statusCode(409);
        handOver(TestUsers.SOCIAL_WORKER, id, "\"999\"", "colleague", TestUsers.SOCIAL_SERVICES, "WORKLOAD")
                .statusCode(412);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("worker", "colleague", "organisation", TestUsers.SOCIAL_SERVICES,
                "reason", "BECAUSE")).post("/plans/" + id + "/responsible-worker").then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesAPlanWithoutAResponsibleWorkerUnlessImported() {
        String hetu = newTestHetu();
        String id = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("id");
        assertThatThrownBy(() -> Database.clearResponsibleWorker(id)).hasStackTraceContaining(
                "care_plan_one_responsible_worker");
        as(TestUsers.SOCIAL_WORKER).get("/plans/" + id).then()
                .body("responsibleWorker.worker", equalTo(TestUsers.SOCIAL_WORKER.sub()));
    }
}
