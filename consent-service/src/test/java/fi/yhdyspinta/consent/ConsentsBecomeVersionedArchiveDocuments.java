package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8: a consent recorded by a professional is offered to the archive as a FHIR R4 document Bundle (Composition,
 * Consent, Provenance, Organizations; valid against R4 base), in the register of the recording organisation's sector;
 * its revocation is version 2 of the same document, replacing version 1. The henkilötunnus is in the bundle, pulled
 * by role archive only, and never on the archive topic. A consent the client recorded themself is not archived here.
 */
@ConsentServiceTest
class ConsentsBecomeVersionedArchiveDocuments {

    @Test
    void aConsentIsVersionOneAndItsRevocationVersionTwoReplacingIt() {
        long cursor = lastCursor();
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> entry = listed(cursor, consentId);
        assertThat(entry).containsEntry("version", 1).containsEntry("register", "HEALTH")
                .containsEntry("kind", "CONSENT").containsEntry("authorOrganisation", TestUsers.HEALTH_CENTRE)
                .doesNotContainKey("clientId");
        String first = pull(consentId, null);
        assertThat(FhirValidation.errors(first)).as(String.join("\n", FhirValidation.all(first))).isEmpty();
        JsonPath bundle = new JsonPath(first);
        assertThat(bundle.getString("type")).isEqualTo("document");
        assertThat(bundle.getList("entry.resource.resourceType")).startsWith("Composition", "Consent", "Provenance")
                .contains("Organization");
        assertThat(first).contains("\"system\":\"urn:oid:1.2.246.21\",\"value\":\"" + hetu + "\"")
                .contains("urn:oid:" + TestUsers.HEALTH_CENTRE).contains("urn:oid:" + TestUsers.SOCIAL_SERVICES);
        assertThat(bundle.getString("entry[1].resource.status")).isEqualTo("active");
        assertThat(bundle.getString("entry[1].resource.provision.type")).isEqualTo("permit");
        assertThat(bundle.getString("entry[0].resource.confidentiality")).isEqualTo("R");
        long firstCursor = ((Number) entry.get("cursor")).longValue();

        as(TestUsers.NURSE).post("/consents/" + consentId + "/revoke").then().statusCode(200);
        Map<String, Object> revised = listed(firstCursor, consentId);
        assertThat(revised).containsEntry("version", 2).containsEntry("replacesVersion", 1);
        String second = pull(consentId, null);
        assertThat(FhirValidation.errors(second)).as(String.join("\n", FhirValidation.all(second))).isEmpty();
        JsonPath replaced = new JsonPath(second);
        assertThat(replaced.getString("entry[1].resource.status")).isEqualTo("inactive");
        assertThat(replaced.getString("entry[0].resource.relatesTo[0].code")).isEqualTo("replaces");
        assertThat(replaced.getString("entry[0].resource.meta.versionId")).isEqualTo("2");
        assertThat(second).as("the henkilötunnus carried over from version 1").contains(hetu);
        assertThat(pull(consentId, 1)).as("version 1 is still there, unchanged").isEqualTo(first);
    }

    @Test
    void theRegisterFollowsTheRecordingOrganisationsSector() {
        long cursor = lastCursor();
        String hetu = newHetu();
        String social = as(TestUsers.SOCIAL_WORKER).body(Scenario.consent(hetu, "REFERRAL",
                List.of(TestUsers.HEALTH_CENTRE), List.of("NEED_SUMMARY"))).post("/consents").then().statusCode(201)
                .extract().path("id");
        String ngo = as(TestUsers.NGO_WORKER).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        assertThat(listed(cursor, social)).containsEntry("register", "SOCIAL");
        assertThat(listed(cursor, ngo)).as("an NGO's documents go to the social register").containsEntry("register",
                "SOCIAL");
        String refusal = pull(ngo, null);
        assertThat(FhirValidation.errors(refusal)).isEmpty();
    }

    @Test
    void aRefusalIsADenyProvisionAndTheClientsOwnAnswerIsNotArchivedHere() {
        long cursor = lastCursor();
        String hetu = newHetu();
        Map<String, Object> refusal = referralConsent(hetu);
        refusal.put("answer", "REFUSED");
        String refused = as(TestUsers.NURSE).body(refusal).post("/consents").then().statusCode(201).extract().path("id");
        String document = pull(refused, null);
        assertThat(FhirValidation.errors(document)).as(String.join("\n", FhirValidation.all(document))).isEmpty();
        assertThat(new JsonPath(document).getString("entry[1].resource.provision.type")).isEqualTo("deny");

        Map<String, Object> own = referralConsent(hetu);
        own.remove("client");
        own.remove("form");
        String mine = as(Scenario.client(hetu)).body(own).post("/me/consents").then().statusCode(201).extract().path("id");
        assertThat(feed(cursor)).extracting(d -> d.get("id")).contains(refused).doesNotContain(mine);
    }

    @Test
    void theArchiveTopicCarriesIdsAndCodesOnly() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        List<ConsumerRecord<String, String>> archive = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().anyMatch(r -> r.value().contains(consentId)), Duration.ofSeconds(30));
        assertThat(archive).anySatisfy(record -> {
            JsonNode data = TestEvents.tree(record.value()).path("data");
            assertThat(data.path("documentId").asText()).isEqualTo(consentId);
            assertThat(record.key()).isEqualTo(Scenario.clientIdOf(hetu));
        });
        assertThat(archive).allSatisfy(record -> assertThat(record.value()).doesNotContain(hetu)
                .doesNotContain("urn:oid:1.2.246.21"));
    }

    @Test
    void onlyTheArchivePullsConsentDocuments() {
        String consentId = as(TestUsers.NURSE).body(referralConsent(newHetu())).post("/consents").then()
                .statusCode(201).extract().path("id");
        for (var user : List.of(TestUsers.NURSE, TestUsers.OPS, TestUsers.CLIENT, TestUsers.AUDITOR)) {
            as(user).get("/archive/documents/" + consentId).then().statusCode(403)
                    .contentType("application/problem+json");
            as(user).get("/archive/documents").then().statusCode(403);
        }
    }

    static String pull(String id, Integer version) {
        return as(TestUsers.ARCHIVE).accept("application/fhir+json")
                .get("/archive/documents/" + id + (version == null ? "" : "?version=" + version))
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
    }

    static List<Map<String, Object>> feed(long after) {
        return as(TestUsers.ARCHIVE).get("/archive/documents?limit=500&after=" + after).then().statusCode(200)
                .extract().jsonPath().getList("documents");
    }

    static Map<String, Object> listed(long after, String id) {
        return feed(after).stream().filter(d -> id.equals(d.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("document " + id + " not in the feed after " + after));
    }

    static long lastCursor() {
        long cursor = 0;
        while (true) {
            long next = as(TestUsers.ARCHIVE).get("/archive/documents?limit=500&after=" + cursor).then()
                    .statusCode(200).extract().jsonPath().getLong("next");
            if (next == cursor) {
                return cursor;
            }
            cursor = next;
        }
    }
}
