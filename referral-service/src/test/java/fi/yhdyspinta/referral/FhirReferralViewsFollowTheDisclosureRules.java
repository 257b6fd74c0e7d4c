package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.fhir.FhirValidation;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8 point 3: the FHIR R4 views of a referral (ServiceRequest, Task with Gravity SDOH statuses) are valid R4
 * (HAPI FhirInstanceValidator, zero errors) and show exactly what GET /referrals/{id} shows: 404 where REST says 404
 * (another organisation; the receiver before the consent decision), only the permitted categories to the receiver,
 * ids and status after a revocation; a search by henkilötunnus finds only referrals whose client the caller may see.
 */
@ReferralServiceTest
class FhirReferralViewsFollowTheDisclosureRules {

    @Test
    void theSenderSeesTheWholeReferralAsValidFhirAndOthersGet404LikeRest() {
        String hetu = UniqueHenkilotunnus.next();
        Scenario.Need need = Scenario.needAwaitingConsent(hetu);
        String id = need.referralId();
        // before the consent decision: the sender sees a draft; the receiver and everyone else nothing
        String draft = fhir(TestUsers.NURSE, "/fhir/ServiceRequest/" + id);
        assertThat(new JsonPath(draft).getString("status")).isEqualTo("draft");
        for (TestUser other : List.of(TestUsers.SOCIAL_WORKER, TestUsers.NGO_WORKER, TestUsers.HOSPITAL_NURSE)) {
            for (String view : List.of("/fhir/ServiceRequest/", "/fhir/Task/")) {
                as(other).get("/referrals/" + id).then().statusCode(404);
                as(other).get(view + id).then().statusCode(404).contentType("application/problem+json");
            }
        }
        for (TestUser role : List.of(TestUsers.CLIENT, TestUsers.OPS, TestUsers.ARCHIVE)) {
            as(role).get("/fhir/ServiceRequest/" + id).then().statusCode(403);
        }
        given().get("/fhir/Task/" + id).then().statusCode(401);

        Scenario.grantAndAwaitSent(need, List.of("NEED_SUMMARY", "CONTACT_DETAILS"), UUID.randomUUID());
        String request = fhir(TestUsers.NURSE, "/fhir/ServiceRequest/" + id);
        JsonPath sr = new JsonPath(request);
        assertThat(sr.getString("status")).isEqualTo("active");
        assertThat(sr.getString("subject.identifier.value")).isEqualTo(hetu);
        assertThat(sr.getString("requester.identifier.value")).isEqualTo("urn:oid:" + TestUsers.HEALTH_CENTRE);
        assertThat(new JsonPath(fhir(TestUsers.NURSE, "/fhir/Task/" + id)).getString("status")).isEqualTo("requested");
        as(TestUsers.NGO_WORKER).get("/fhir/Task/" + id).then().statusCode(404);

        String path = "/referrals/" + id;
        as(TestUsers.SOCIAL_WORKER).get(path).then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post(path + "/accept").then().statusCode(200);
        assertThat(new JsonPath(fhir(TestUsers.SOCIAL_WORKER, "/fhir/Task/" + id)).getString("status"))
                .isEqualTo("accepted");
        as(TestUsers.SOCIAL_WORKER).post(path + "/start").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "CLIENT_DECLINED")).post(path + "/complete").then()
                .statusCode(200);
        JsonPath task = new JsonPath(fhir(TestUsers.NURSE, "/fhir/Task/" + id));
        assertThat(task.getString("status")).isEqualTo("completed");
        assertThat(task.getString("focus.reference")).isEqualTo("ServiceRequest/" + id);
        assertThat(task.getString("output[0].valueCodeableConcept.coding[0].code")).isEqualTo("CLIENT_DECLINED");
    }

    @Test
    void theReceiverSeesOnlyThePermittedCategoriesAndAfterRevocationIdsAndStatus() {
        String hetu = UniqueHenkilotunnus.next();
        Scenario.Need need = Scenario.needAwaitingConsent(hetu);
        UUID consent = UUID.randomUUID();
        Scenario.grantAndAwaitSent(need, List.of("NEED_SUMMARY"), consent);
        String request = fhir(TestUsers.SOCIAL_WORKER, "/fhir/ServiceRequest/" + need.referralId());
        assertThat(request).as("no CONTACT_DETAILS permitted: no henkilötunnus").doesNotContain(hetu)
                .contains(need.clientId()).contains("MENTAL_HEALTH");

        Scenario.revoke(need, consent);
        Scenario.awaitSenderSees(need, "status", equalTo("SUSPENDED"));
        String withdrawn = fhir(TestUsers.SOCIAL_WORKER, "/fhir/ServiceRequest/" + need.referralId());
        assertThat(withdrawn).doesNotContain(hetu).doesNotContain(need.clientId()).doesNotContain("MENTAL_HEALTH")
                .contains("masked");
        assertThat(new JsonPath(withdrawn).getString("status")).isEqualTo("on-hold");
        assertThat(new JsonPath(fhir(TestUsers.SOCIAL_WORKER, "/fhir/Task/" + need.referralId())).getString("status"))
                .isEqualTo("on-hold");
    }

    @Test
    void aSearchByHenkilotunnusFindsOnlyReferralsWhoseClientTheCallerMaySee() {
        String hetu = UniqueHenkilotunnus.next();
        Scenario.Need withContact = Scenario.needAwaitingConsent(hetu);
        Scenario.grantAndAwaitSent(withContact, List.of("NEED_SUMMARY", "CONTACT_DETAILS"), UUID.randomUUID());
        Scenario.Need summaryOnly = Scenario.needAwaitingConsent(hetu);
        Scenario.grantAndAwaitSent(summaryOnly, List.of("NEED_SUMMARY"), UUID.randomUUID());
        Scenario.Need waiting = Scenario.needAwaitingConsent(hetu);
        String patient = "/fhir/ServiceRequest?patient="
                + URLEncoder.encode("urn:oid:1.2.246.21|" + hetu, StandardCharsets.UTF_8);

        JsonPath sender = new JsonPath(fhirRaw(TestUsers.NURSE, patient));
        assertThat(sender.getString("type")).isEqualTo("searchset");
        assertThat(sender.getList("entry.resource.id")).containsExactlyInAnyOrder(withContact.referralId(),
                summaryOnly.referralId(), waiting.referralId());
        JsonPath receiver = new JsonPath(fhirRaw(TestUsers.SOCIAL_WORKER, patient));
        assertThat(receiver.getList("entry.resource.id")).containsExactly(withContact.referralId());
        assertThat(new JsonPath(fhirRaw(TestUsers.NGO_WORKER, patient)).getInt("total")).isZero();

        as(TestUsers.NURSE).get("/fhir/ServiceRequest?patient=urn:oid:1.2.246.21|131052-9086").then()
                .statusCode(400).body("errors[0].field", equalTo("patient"));
        as(TestUsers.NURSE).get("/fhir/ServiceRequest").then().statusCode(400)
                .body("errors[0].field", equalTo("patient"));
    }

    @Test
    void theCapabilityStatementListsServiceRequestAndTask() {
        String metadata = given().accept("application/fhir+json").get("/fhir/metadata").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(metadata)).as(String.join("\n", FhirValidation.all(metadata))).isEmpty();
        assertThat(new JsonPath(metadata).getList("rest[0].resource.type")).containsExactly("ServiceRequest", "Task");
    }

    /** The view, checked to be valid R4. */
    private static String fhir(TestUser user, String path) {
        String json = as(user).accept("application/fhir+json").get(path).then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(json)).as(path + "\n" + String.join("\n", FhirValidation.all(json))).isEmpty();
        return json;
    }

    private static String fhirRaw(TestUser user, String path) {
        String json = as(user).urlEncodingEnabled(false).accept("application/fhir+json").get(path).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(FhirValidation.errors(json)).as(path + "\n" + String.join("\n", FhirValidation.all(json))).isEmpty();
        return json;
    }
}
