package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledge;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8: a completed joint service-need assessment is an archive document — Composition, ServiceRequest (completed,
 * the needs found as reasonCode, the next steps as orderDetail), Provenance, Organizations; zero errors against R4
 * base — authored by the requesting social services (register SOCIAL). The henkilötunnus kept for it is gone from
 * the service's table once the document holds it; nothing but ids and codes goes on the archive topic.
 */
@CarePlanServiceTest
class ACompletedJointAssessmentBecomesAnArchiveDocument {

    @Test
    void completionIsAValidDocumentInTheRequestersRegister() {
        String hetu = newTestHetu();
        String id = socialWorkerInvitesHealthCentre(hetu).statusCode(201).extract().path("id");
        assertThat(Database.keepsHenkilotunnus(id)).as("kept for the archive until completion").isTrue();
        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja Testi").statusCode(200);
        assertThat(ArchiveFeed.entry(id)).as("not before completion").isEmpty();
        as(TestUsers.SOCIAL_WORKER)
                .body(Map.of("needs", List.of("HOUSING", "MENTAL_HEALTH"), "nextSteps", List.of("JOINT_CLIENT_PLAN")))
                .post("/joint-assessments/" + id + "/complete").then().statusCode(200);

        assertThat(ArchiveFeed.entry(id)).get().satisfies(entry -> assertThat(entry)
                .containsEntry("kind", "JOINT_ASSESSMENT").containsEntry("register", "SOCIAL")
                .containsEntry("version", 1).containsEntry("authorOrganisation", TestUsers.SOCIAL_SERVICES));
        String document = ArchiveFeed.document(id, "");
        assertThat(FhirValidation.errors(document)).as(String.join("\n", FhirValidation.all(document))).isEmpty();
        JsonPath bundle = new JsonPath(document);
        assertThat(bundle.getList("entry.resource.resourceType")).containsExactly("Composition", "ServiceRequest",
                "Provenance", "Organization", "Organization");
        assertThat(bundle.getString("entry[1].resource.status")).isEqualTo("completed");
        assertThat(bundle.getList("entry[1].resource.reasonCode.collect { it.coding[0].code }")).containsExactly("HOUSING",
                "MENTAL_HEALTH");
        assertThat(bundle.getString("entry[1].resource.orderDetail[0].coding[0].code")).isEqualTo("JOINT_CLIENT_PLAN");
        assertThat(document).contains("\"system\":\"urn:oid:1.2.246.21\",\"value\":\"" + hetu + "\"")
                .as("the participant's free text is not part of the document").doesNotContain("Sairaanhoitaja Testi");
        assertThat(Database.keepsHenkilotunnus(id)).as("cleared once the document holds it").isFalse();

        List<ConsumerRecord<String, String>> archive = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));
        assertThat(archive).filteredOn(r -> r.value().contains(id)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu));
    }

    @Test
    void anAssessmentNotCompletedIsNoDocument() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        acknowledge(TestUsers.NURSE, id, "Sairaanhoitaja Testi").statusCode(200);
        as(TestUsers.NURSE).post("/joint-assessments/" + id + "/complete").then().statusCode(403);
        assertThat(ArchiveFeed.entry(id)).isEmpty();
        as(TestUsers.ARCHIVE).get("/archive/documents/" + id).then().statusCode(404);
    }
}
