package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 points 1–2 in care-plan-service: after a whole scenario — a joint assessment requested, refused to an
 * outsider, acknowledged and completed, the overview read, a plan created and read, the client's own list —
 * {@code GET /audit/verify} (auditor, ops; nobody else) finds the chain intact, and every record of the client
 * travels on the {@code audit} topic keyed by the pseudonymous client id, without the henkilötunnus anywhere on it.
 */
@CarePlanServiceTest
class TheCarePlanAuditTrailVerifiesAndCarriesNoHenkilotunnus {

    @Test
    void aScenarioVerifiesAndItsPublishedRecordsNameNoHenkilotunnus() {
        String hetu = newTestHetu();
        var created = socialWorkerInvitesHealthCentre(hetu).statusCode(201).extract();
        String assessment = created.path("id");
        String clientId = created.path("clientId");
        as(TestUsers.NGO_WORKER).get("/joint-assessments/" + assessment).then().statusCode(404);
        acknowledge(TestUsers.NURSE, assessment, "Sairaanhoitaja Testi").statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post("/joint-assessments/" + assessment + "/complete").then().statusCode(200);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then().statusCode(200);
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.HEALTH_CENTRE);
        String plan = Plans.create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.HEALTH_CENTRE),
                TestUsers.HEALTH_CENTRE)).statusCode(201).extract().path("id");
        as(TestUsers.NURSE).get("/plans/" + plan).then().statusCode(200);
        as(Plans.clientUser(hetu)).get("/me/plans").then().statusCode(200);

        AuditTable.awaitSealedAndPublished(clientId);
        long stored = AuditTable.ofClient(clientId).size();
        assertThat(stored).isGreaterThanOrEqualTo(8);

        as(TestUsers.AUDITOR).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.OPS).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.SOCIAL_WORKER).get("/audit/verify").then().statusCode(403);
        as(TestUsers.NURSE).get("/audit/verify").then().statusCode(403);

        List<ConsumerRecord<String, String>> all = TestEvents.read(EventType.AUDIT_RECORDED,
                read -> read.stream().filter(r -> clientId.equals(r.key())).count() >= stored,
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ofClient = all.stream().filter(r -> clientId.equals(r.key())).toList();
        assertThat(ofClient).hasSize((int) stored).allSatisfy(record -> {
            JsonNode data = TestEvents.tree(record.value()).path("data");
            assertThat(data.path("service").asText()).isEqualTo("care-plan-service");
            assertThat(data.path("clientId").asText()).isEqualTo(clientId);
        });
        assertThat(ofClient).anySatisfy(record -> assertThat(TestEvents.tree(record.value()).path("data")
                .path("resourceType").asText()).isEqualTo("CARE_PLAN"));
        assertThat(ofClient).anySatisfy(record -> assertThat(TestEvents.tree(record.value()).path("data")
                .path("outcome").asText()).isEqualTo("REFUSED"));
        assertThat(all).as("no henkilötunnus on the audit topic").noneSatisfy(
                record -> assertThat(record.value()).contains(hetu));
    }
}
