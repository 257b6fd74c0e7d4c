package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8 point 3: the FHIR R4 read views of consents answer valid R4 (HAPI FhirInstanceValidator, zero errors) with
 * the REST API's authorization — an organisation the consent does not concern gets 404 as on REST, a client, ops and
 * the archive 403 — and a search by the henkilötunnus answers only what the caller may see.
 */
@ConsentServiceTest
class FhirConsentViewsShowOnlyWhatRestShows {

    @Test
    void aConsentReadsAsValidFhirByTheOrganisationsItConcerns() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        for (var user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER)) {
            String consent = as(user).accept("application/fhir+json").get("/fhir/Consent/" + id).then()
                    .statusCode(200).contentType("application/fhir+json").extract().asString();
            assertThat(FhirValidation.errors(consent)).as(String.join("\n", FhirValidation.all(consent))).isEmpty();
            JsonPath resource = new JsonPath(consent);
            assertThat(resource.getString("resourceType")).isEqualTo("Consent");
            assertThat(resource.getString("id")).isEqualTo(id);
            assertThat(resource.getString("status")).isEqualTo("active");
            assertThat(consent).as("a read view names the client by the pseudonym only").doesNotContain(hetu)
                    .contains(Scenario.clientIdOf(hetu));
        }
        as(TestUsers.HOSPITAL_NURSE).get("/fhir/Consent/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestUsers.NGO_WORKER).get("/fhir/Consent/" + id).then().statusCode(404);
        for (var user : List.of(TestUsers.CLIENT, TestUsers.OPS, TestUsers.ARCHIVE, TestUsers.AUDITOR)) {
            as(user).get("/fhir/Consent/" + id).then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/fhir/Consent/" + id).then().statusCode(401);
    }

    @Test
    void aSearchByHenkilotunnusIsAValidSearchsetOfWhatTheCallerMaySee() {
        String hetu = newHetu();
        String toSocial = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        String toHospital = as(TestUsers.NURSE).body(Scenario.consent(hetu, "REFERRAL",
                List.of(TestUsers.CENTRAL_HOSPITAL), List.of("NEED_SUMMARY"))).post("/consents").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.NURSE).post("/consents/" + toSocial + "/revoke").then().statusCode(200);
        String patient = URLEncoder.encode("urn:oid:1.2.246.21|" + hetu, StandardCharsets.UTF_8);

        String nurse = as(TestUsers.NURSE).urlEncodingEnabled(false).get("/fhir/Consent?patient=" + patient).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(nurse)).as(String.join("\n", FhirValidation.all(nurse))).isEmpty();
        JsonPath all = new JsonPath(nurse);
        assertThat(all.getString("type")).isEqualTo("searchset");
        assertThat(all.getList("entry.findAll { it.search.mode == 'match' }.resource.id"))
                .containsExactlyInAnyOrder(toSocial, toHospital);
        assertThat(all.getList("entry.findAll { it.search.mode == 'include' }.resource.resourceType"))
                .containsOnly("Provenance").hasSize(3);

        String social = as(TestUsers.SOCIAL_WORKER).urlEncodingEnabled(false).get("/fhir/Consent?patient=" + patient)
                .then().statusCode(200).extract().asString();
        assertThat(FhirValidation.errors(social)).isEmpty();
        assertThat(new JsonPath(social).getList("entry.findAll { it.search.mode == 'match' }.resource.id"))
                .as("only the consent naming the caller's organisation").containsExactly(toSocial);
        assertThat(new JsonPath(social).getString("entry[0].resource.status")).isEqualTo("inactive");

        String ngo = as(TestUsers.NGO_WORKER).urlEncodingEnabled(false).get("/fhir/Consent?patient=" + patient)
                .then().statusCode(200).extract().asString();
        assertThat(new JsonPath(ngo).getInt("total")).isZero();
        assertThat(FhirValidation.errors(ngo)).isEmpty();
    }

    @Test
    void oneConsentWithItsProvenanceById() {
        String id = as(TestUsers.NURSE).body(referralConsent(newHetu())).post("/consents").then().statusCode(201)
                .extract().path("id");
        as(TestUsers.NURSE).post("/consents/" + id + "/revoke").then().statusCode(200);
        String found = as(TestUsers.SOCIAL_WORKER).get("/fhir/Consent?_id=" + id).then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(found)).as(String.join("\n", FhirValidation.all(found))).isEmpty();
        JsonPath bundle = new JsonPath(found);
        assertThat(bundle.getList("entry.resource.resourceType")).containsExactly("Consent", "Provenance",
                "Provenance");
        assertThat(found).as("recorded, then revoked").contains("\"code\":\"CREATE\"", "\"code\":\"UPDATE\"");
        as(TestUsers.HOSPITAL_NURSE).get("/fhir/Consent?_id=" + id).then().statusCode(404);
        as(TestUsers.NURSE).get("/fhir/Consent?_id=x").then().statusCode(400).body("errors[0].field", equalTo("_id"));
    }

    @Test
    void theUnitLeadReadsTheOrganisationsActsAsValidAuditEvents() {
        String hetu = newHetu();
        String clientId = Scenario.clientIdOf(hetu);
        var own = AuditTrailRows.publish(AuditTrailRows.record("referral-service", java.time.OffsetDateTime.now(),
                "nurse", TestUsers.HEALTH_CENTRE, "health-professional", "CREATE", "REFERRAL", clientId, "REFERRAL",
                null, "PERMITTED", null));
        var others = AuditTrailRows.publish(AuditTrailRows.record("referral-service", java.time.OffsetDateTime.now(),
                "socialworker", TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientId, "REFERRAL",
                "CONSENT", "PERMITTED", null));
        Scenario.awaitAccessLogEntry(hetu, e -> others.id().equals(e.get("id")));
        Scenario.awaitAccessLogEntry(hetu, e -> own.id().equals(e.get("id")));
        String patient = URLEncoder.encode("urn:oid:1.2.246.21|" + hetu, StandardCharsets.UTF_8);

        String events = as(TestUsers.UNIT_LEAD).urlEncodingEnabled(false).get("/fhir/AuditEvent?patient=" + patient)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(events)).as(String.join("\n", FhirValidation.all(events))).isEmpty();
        JsonPath bundle = new JsonPath(events);
        assertThat(bundle.getList("entry.resource.id")).contains(own.id()).doesNotContain(others.id());
        assertThat(bundle.getList("entry.resource.action")).contains("C");
        for (var user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.CLIENT, TestUsers.AUDITOR)) {
            as(user).urlEncodingEnabled(false).get("/fhir/AuditEvent?patient=" + patient).then().statusCode(403);
        }
    }

    @Test
    void aBadPatientParameterIs400NamingIt() {
        as(TestUsers.NURSE).get("/fhir/Consent?patient=urn:oid:1.2.246.21|010190-900X").then().statusCode(400)
                .body("errors[0].field", equalTo("patient"));
        as(TestUsers.NURSE).get("/fhir/Consent?patient=urn:oid:1.2.3|010190-900P").then().statusCode(400)
                .body("errors[0].field", equalTo("patient"));
        as(TestUsers.NURSE).get("/fhir/Consent").then().statusCode(400).body("errors[0].field", equalTo("patient"));
    }

    @Test
    void theCapabilityStatementIsValidAndListsConsent() {
        String metadata = given().accept("application/fhir+json").get("/fhir/metadata").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(metadata)).as(String.join("\n", FhirValidation.all(metadata))).isEmpty();
        assertThat(new JsonPath(metadata).getList("rest[0].resource.type")).containsExactly("Consent", "AuditEvent");
    }

    @Test
    void theValidatorItselfFindsErrors() {
        assertThat(FhirValidation.errors("{\"resourceType\":\"Consent\",\"status\":\"sort-of\"}")).isNotEmpty();
    }
}
