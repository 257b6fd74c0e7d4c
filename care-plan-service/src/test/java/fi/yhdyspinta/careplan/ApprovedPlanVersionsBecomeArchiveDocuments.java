package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
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
 * Issue 8: every approved version of a joint client plan is an archive document — a FHIR R4 document Bundle
 * (Composition, CarePlan, Provenance, Organizations; zero errors against R4 base) in the register of the approving
 * organisation's sector. A new plan version is the next version of the same document and replaces the older one in
 * the feed; the older stays readable by ?version=. The archive topic carries no henkilötunnus and no plan text.
 */
@CarePlanServiceTest
class ApprovedPlanVersionsBecomeArchiveDocuments {

    @Test
    void aNewPlanVersionReplacesTheOlderDocumentInTheFeed() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(201).extract();
        String id = created.path("id");

        assertThat(ArchiveFeed.entry(id)).get().satisfies(entry -> assertThat(entry)
                .containsEntry("kind", "CARE_PLAN").containsEntry("register", "SOCIAL").containsEntry("version", 1)
                .containsEntry("authorOrganisation", TestUsers.SOCIAL_SERVICES));
        String first = ArchiveFeed.document(id, "");
        assertThat(FhirValidation.errors(first)).as(String.join("\n", FhirValidation.all(first))).isEmpty();
        JsonPath bundle = new JsonPath(first);
        assertThat(bundle.getString("type")).isEqualTo("document");
        assertThat(bundle.getList("entry.resource.resourceType")).containsExactly("Composition", "CarePlan",
                "Provenance", "Organization", "Organization");
        assertThat(bundle.getString("entry[0].resource.meta.versionId")).isEqualTo("1");
        assertThat(bundle.getString("entry[1].resource.intent")).isEqualTo("plan");
        assertThat(bundle.getString("entry[1].resource.contained[0].description.text"))
                .isEqualTo("Arjen hallinta ja asumisen tukeminen");
        assertThat(bundle.getString("entry[1].resource.activity[0].detail.description"))
                .isEqualTo("Kotikäynnit kahdesti viikossa");
        assertThat(first).contains("\"system\":\"urn:oid:1.2.246.21\",\"value\":\"" + hetu + "\"")
                .contains("urn:oid:" + TestUsers.SOCIAL_SERVICES, "urn:oid:" + TestUsers.NGO);

        as(TestUsers.SOCIAL_WORKER).header("If-Match", created.header("ETag"))
                .body(nextVersion(hetu, List.of(TestUsers.NGO), TestUsers.NGO, "Työllistyminen"))
                .put("/plans/" + id).then().statusCode(200);

        List<Map<String, Object>> versions = ArchiveFeed.all().stream().filter(d -> id.equals(d.get("id"))).toList();
        assertThat(versions).as("the feed lists the latest version only").singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("version", 2).containsEntry("replacesVersion", 1));
        String second = ArchiveFeed.document(id, "");
        assertThat(FhirValidation.errors(second)).as(String.join("\n", FhirValidation.all(second))).isEmpty();
        JsonPath replaced = new JsonPath(second);
        assertThat(replaced.getString("entry[0].resource.meta.versionId")).isEqualTo("2");
        assertThat(replaced.getString("entry[0].resource.relatesTo[0].code")).isEqualTo("replaces");
        assertThat(replaced.getString("entry[0].resource.relatesTo[0].targetIdentifier.value"))
                .isEqualTo(bundle.getString("identifier.value"));
        assertThat(replaced.getString("entry[1].resource.contained[0].description.text")).isEqualTo("Työllistyminen");
        assertThat(ArchiveFeed.document(id, "?version=1")).as("the older version, byte for byte").isEqualTo(first);

        List<ConsumerRecord<String, String>> archive = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().filter(r -> r.value().contains(id)).count() >= 2, Duration.ofSeconds(30));
        assertThat(archive).filteredOn(r -> r.value().contains(id)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu).doesNotContain("Kotikäynnit")
                        .contains("fi.yhdyspinta.archive.document-ready.v1"));
    }

    @Test
    void aPlanApprovedByHealthCareIsInTheHealthRegister() {
        String hetu = newTestHetu();
        String id = create(TestUsers.NURSE, plan(hetu, List.of(), TestUsers.HEALTH_CENTRE)).statusCode(201)
                .extract().path("id");
        assertThat(ArchiveFeed.entry(id)).get().satisfies(entry -> assertThat(entry)
                .containsEntry("kind", "CARE_PLAN").containsEntry("register", "HEALTH")
                .containsEntry("authorOrganisation", TestUsers.HEALTH_CENTRE));
        String document = ArchiveFeed.document(id, "");
        assertThat(FhirValidation.errors(document)).as(String.join("\n", FhirValidation.all(document))).isEmpty();
    }

    @Test
    void onlyTheArchiveReadsAPlanDocument() {
        String hetu = newTestHetu();
        String id = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("id");
        for (var user : List.of(TestUsers.SOCIAL_WORKER, TestUsers.NURSE, TestUsers.UNIT_LEAD, TestUsers.OPS,
                TestUsers.CLIENT, TestUsers.AUDITOR, TestUsers.ADMIN)) {
            as(user).get("/archive/documents/" + id).then().statusCode(403).contentType("application/problem+json");
            as(user).get("/archive/documents").then().statusCode(403);
            as(user).body(Map.of("archiveId", "kanta-1", "version", 1)).post("/archive/documents/" + id + "/ack")
                    .then().statusCode(403);
        }
        as(TestUsers.ARCHIVE).body(Map.of("archiveId", "kanta-" + id, "version", 1))
                .post("/archive/documents/" + id + "/ack").then().statusCode(200);
    }
}
