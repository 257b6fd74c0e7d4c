package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8: the FHIR CarePlan read view has the authorization of GET /plans/{id}: an organisation with an active share
 * reads it (zero validation errors against R4 base; the client named by the pseudonymous id, never the
 * henkilötunnus); anyone else gets 404; an organisation whose share was removed gets 403 (a CarePlan has no ids-only
 * form); ?patient= answers only the plans the caller shares; the CapabilityStatement lists CarePlan.
 */
@CarePlanServiceTest
class FhirCarePlanViewFollowsThePlansSharing {

    @Test
    void aParticipantReadsTheCarePlanAndOthersDoNot() {
        String hetu = newTestHetu();
        ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");

        String view = as(TestUsers.NGO_WORKER).accept("application/fhir+json").get("/fhir/CarePlan/" + id).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(view)).as(String.join("\n", FhirValidation.all(view))).isEmpty();
        JsonPath carePlan = new JsonPath(view);
        assertThat(carePlan.getString("resourceType")).isEqualTo("CarePlan");
        assertThat(carePlan.getString("id")).isEqualTo(id);
        assertThat(carePlan.getString("status")).isEqualTo("active");
        assertThat(carePlan.getString("subject.identifier.value")).isEqualTo(clientId);
        assertThat(carePlan.getString("author.identifier.value")).isEqualTo("socialworker");
        assertThat(carePlan.getList("contributor.identifier.value")).containsExactlyInAnyOrder(
                "urn:oid:" + TestUsers.SOCIAL_SERVICES, "urn:oid:" + TestUsers.NGO);
        assertThat(carePlan.getString("activity[0].detail.performer[0].identifier.value"))
                .isEqualTo("urn:oid:" + TestUsers.NGO);
        assertThat(view).doesNotContain(hetu).doesNotContain("urn:oid:1.2.246.21");

        as(TestUsers.HOSPITAL_NURSE).get("/fhir/CarePlan/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestUsers.NURSE).get("/fhir/CarePlan/" + UUID.randomUUID()).then().statusCode(404);
        for (var user : List.of(TestUsers.CLIENT, TestUsers.OPS, TestUsers.ARCHIVE, TestUsers.AUDITOR)) {
            as(user).get("/fhir/CarePlan/" + id).then().statusCode(403);
        }

        // the social services take the NGO off the plan: its share is REMOVED, and the FHIR view is closed to it
        as(TestUsers.SOCIAL_WORKER).header("If-Match", created.header("ETag"))
                .body(nextVersion(hetu, List.of(), TestUsers.SOCIAL_SERVICES, "Arjen hallinta"))
                .put("/plans/" + id).then().statusCode(200);
        as(TestUsers.NGO_WORKER).get("/plans/" + id).then().statusCode(200);
        as(TestUsers.NGO_WORKER).get("/fhir/CarePlan/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).get("/fhir/CarePlan/" + id).then().statusCode(200);
    }

    @Test
    void aSearchByPatientAnswersOnlyThePlansTheCallerShares() {
        String hetu = newTestHetu();
        String shared = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract().path("id");
        create(TestUsers.NURSE, plan(hetu, List.of(), TestUsers.HEALTH_CENTRE)).statusCode(201);

        String searchset = as(TestUsers.SOCIAL_WORKER).get("/fhir/CarePlan?patient=urn:oid:1.2.246.21|" + hetu)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(searchset)).as(String.join("\n", FhirValidation.all(searchset))).isEmpty();
        JsonPath bundle = new JsonPath(searchset);
        assertThat(bundle.getString("type")).isEqualTo("searchset");
        assertThat(bundle.getList("entry.resource.id")).containsExactly(shared);
        assertThat(searchset).doesNotContain(hetu);

        as(TestUsers.HOSPITAL_NURSE).get("/fhir/CarePlan?patient=" + hetu).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        as(TestUsers.SOCIAL_WORKER).get("/fhir/CarePlan?patient=http://example.org|" + hetu).then().statusCode(400)
                .contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).get("/fhir/CarePlan?patient=010190-900X").then().statusCode(400);
        as(TestUsers.SOCIAL_WORKER).get("/fhir/CarePlan").then().statusCode(400);
        as(Plans.clientUser(hetu)).get("/fhir/CarePlan?patient=" + hetu).then().statusCode(403);
    }

    @Test
    void theCapabilityStatementListsCarePlanAndIsValid() {
        String metadata = given().accept("application/fhir+json").get("/fhir/metadata").then().statusCode(200)
                .extract().asString();
        assertThat(FhirValidation.errors(metadata)).as(String.join("\n", FhirValidation.all(metadata))).isEmpty();
        assertThat(new JsonPath(metadata).getList("rest[0].resource.type")).containsExactly("CarePlan");
    }
}
