package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8: a referral completed with feedback is offered to the archive as a FHIR R4 document Bundle (Composition,
 * ServiceRequest completed, Task completed with the outcome and the feedback text, Provenance, Organizations; valid
 * against R4 base), authored by the receiver in the register of its sector. The archive topic carries neither the
 * henkilötunnus nor the feedback text; only role archive pulls the document.
 */
@ReferralServiceTest
class ACompletedReferralBecomesAnArchiveDocument {

    static final String FEEDBACK = "Asiakas ohjattiin päihdetyöntekijälle; tapaamiset jatkuvat viikoittain.";

    @Test
    void completionWithFeedbackIsAValidDocumentInTheReceiversRegister() {
        String hetu = UniqueHenkilotunnus.next();
        Scenario.Need need = Scenario.needAwaitingConsent(hetu);
        Scenario.grantAndAwaitSent(need, List.of("NEED_SUMMARY", "CONTACT_DETAILS"), UUID.randomUUID());
        String path = "/referrals/" + need.referralId();
        as(TestUsers.SOCIAL_WORKER).get(path).then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post(path + "/accept").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post(path + "/start").then().statusCode(200);
        assertThat(feed()).extracting(d -> d.get("id")).as("not before completion").doesNotContain(need.referralId());
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "SERVICE_PROVIDED", "feedback", FEEDBACK))
                .post(path + "/complete").then().statusCode(200);

        Map<String, Object> entry = feed().stream().filter(d -> need.referralId().equals(d.get("id"))).findFirst()
                .orElseThrow();
        assertThat(entry).containsEntry("kind", "REFERRAL").containsEntry("register", "SOCIAL")
                .containsEntry("version", 1).containsEntry("authorOrganisation", TestUsers.SOCIAL_SERVICES);
        String document = as(TestUsers.ARCHIVE).accept("application/fhir+json")
                .get("/archive/documents/" + need.referralId()).then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(document)).as(String.join("\n", FhirValidation.all(document))).isEmpty();
        JsonPath bundle = new JsonPath(document);
        assertThat(bundle.getString("type")).isEqualTo("document");
        assertThat(bundle.getList("entry.resource.resourceType")).containsExactly("Composition", "ServiceRequest",
                "Task", "Provenance", "Organization", "Organization");
        assertThat(bundle.getString("entry[1].resource.status")).isEqualTo("completed");
        assertThat(bundle.getString("entry[1].resource.intent")).isEqualTo("order");
        assertThat(bundle.getString("entry[1].resource.category[0].coding[0].code")).isEqualTo("MENTAL_HEALTH");
        assertThat(bundle.getString("entry[2].resource.status")).isEqualTo("completed");
        assertThat(bundle.getString("entry[2].resource.focus.reference")).isEqualTo(bundle.getString("entry[1].fullUrl"));
        assertThat(bundle.getList("entry[2].resource.output.valueString")).contains(FEEDBACK);
        assertThat(document).contains("\"system\":\"urn:oid:1.2.246.21\",\"value\":\"" + hetu + "\"")
                .contains("urn:oid:" + TestUsers.HEALTH_CENTRE, "urn:oid:" + TestUsers.SOCIAL_SERVICES);

        List<ConsumerRecord<String, String>> archive = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().anyMatch(r -> r.value().contains(need.referralId())), Duration.ofSeconds(30));
        assertThat(archive).anySatisfy(r -> assertThat(r.value()).contains(need.referralId()));
        assertThat(archive).allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu).doesNotContain("päihde"));

        for (var user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.OPS, TestUsers.CLIENT,
                TestUsers.AUDITOR)) {
            as(user).get("/archive/documents/" + need.referralId()).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    static List<Map<String, Object>> feed() {
        long cursor = 0;
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        while (true) {
            JsonPath page = as(TestUsers.ARCHIVE).get("/archive/documents?limit=500&after=" + cursor).then()
                    .statusCode(200).extract().jsonPath();
            all.addAll(page.getList("documents"));
            long next = page.getLong("next");
            if (next == cursor) {
                return all;
            }
            cursor = next;
        }
    }
}
