package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.consent;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/** The consent and prohibition API: validation, problem+json, and who may see and change what. */
@ConsentServiceTest
class ConsentApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "https://yhdyspinta.fi/problems/validation";

    @Test
    void theBriefsExampleIsRecorded() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body("""
                {"client":"%s","purpose":"REFERRAL","recipients":["1.2.246.10.2345678.20.1"],
                 "dataCategories":["NEED_SUMMARY","CONTACT_DETAILS"],"validUntil":"%s","form":"ORAL"}"""
                .formatted(hetu, LocalDate.now().plusYears(1)))
                .post("/consents").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("ACTIVE"))
                .body("clientId", equalTo(clientIdOf(hetu)))
                .body("recipients", equalTo(List.of(TestUsers.SOCIAL_SERVICES)))
                .body("recordedByOrganisation", equalTo(TestUsers.HEALTH_CENTRE));
    }

    @Test
    void invalidHenkilotunnusIsRejectedNamingTheFieldWithoutEchoingIt() {
        String body = as(TestUsers.NURSE).body(referralConsent("131052-9086")).post("/consents").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("client"))
                .extract().asString();
        assertThat(body).doesNotContain("131052");

        as(TestUsers.NURSE).queryParam("client", "310290-900P").get("/consents").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("client"));
    }

    @Test
    void recipientsMustBeOrganisationOids() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of(), List.of("NEED_SUMMARY"))).post("/consents")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("recipients"));
        as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of("Kittilän sosiaalipalvelut"),
                List.of("NEED_SUMMARY"))).post("/consents")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", everyItem(startsWith("recipients")));
    }

    @Test
    void validUntilMustNotBeInThePast() {
        Map<String, Object> body = referralConsent(newHetu());
        body.put("validUntil", LocalDate.now().minusDays(2).toString());
        as(TestUsers.NURSE).body(body).post("/consents").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("validUntil"));
        body.put("validUntil", "31.12.2027");
        as(TestUsers.NURSE).body(body).post("/consents").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("validUntil"));
    }

    @Test
    void unknownCodesAndMalformedJsonAreClientErrors() {
        Map<String, Object> body = referralConsent(newHetu());
        body.put("purpose", "MARKETING");
        as(TestUsers.NURSE).body(body).post("/consents").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("purpose"));
        body = referralConsent(newHetu());
        body.put("form", "TELEPATHIC");
        as(TestUsers.NURSE).body(body).post("/consents").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("form"));
        as(TestUsers.NURSE).body("{\"client\":").post("/consents").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(referralConsent(newHetu())).post("/consents").then()
                .statusCode(401);
        given().get("/me/consents").then().statusCode(401);
        given().get("/me/access-log").then().statusCode(401);
    }

    @Test
    void clientsCannotRecordConsentsAndOpsAndArchiveSeeNoClientData() {
        String hetu = newHetu();
        as(client(hetu)).body(referralConsent(hetu)).post("/consents").then().statusCode(403).contentType(PROBLEM);
        for (var user : List.of(TestUsers.OPS, TestUsers.ARCHIVE)) {
            as(user).get("/me/consents").then().statusCode(403).contentType(PROBLEM);
            as(user).get("/me/access-log").then().statusCode(403).contentType(PROBLEM);
            as(user).queryParam("client", hetu).get("/consents").then().statusCode(403);
        }
    }

    @Test
    void theClientSeesOwnConsentsAndAnotherClientDoesNot() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");

        as(client(hetu)).get("/me/consents").then()
                .statusCode(200)
                .body("id", equalTo(List.of(consentId)))
                .body("[0].status", equalTo("ACTIVE"));
        as(client(newHetu())).get("/me/consents").then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void professionalsSeeTheConsentsThatConcernTheirOrganisation() {
        String hetu = newHetu();
        String toSocial = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        String toNgo = as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of(TestUsers.NGO),
                List.of("NEED_SUMMARY"))).post("/consents").then().statusCode(201).extract().path("id");

        as(TestUsers.DOCTOR).queryParam("client", hetu).get("/consents").then()
                .statusCode(200).body("id", equalTo(List.of(toNgo, toSocial)));
        as(TestUsers.SOCIAL_WORKER).queryParam("client", hetu).get("/consents").then()
                .statusCode(200).body("id", equalTo(List.of(toSocial)));
        as(TestUsers.NGO_WORKER).queryParam("client", hetu).get("/consents").then()
                .statusCode(200).body("id", equalTo(List.of(toNgo)));
    }

    @Test
    void aClientRecordsAndRevokesOwnProhibitionsOnly() {
        String hetu = newHetu();
        as(client(hetu)).body(Map.of("client", hetu, "register", "HEALTH")).post("/prohibitions").then()
                .statusCode(403).contentType(PROBLEM);
        as(client(hetu)).body(Map.of("register", "HOSPITAL")).post("/me/prohibitions").then()
                .statusCode(400).body("errors.field", hasItem("register"));
        as(client(hetu)).body(Map.of("register", "SOCIAL", "recipientOrganisation", "THL"))
                .post("/me/prohibitions").then()
                .statusCode(400).body("errors.field", hasItem("recipientOrganisation"));

        String id = as(client(hetu)).body(Map.of("register", "SOCIAL", "recipientOrganisation", TestUsers.NGO))
                .post("/me/prohibitions").then()
                .statusCode(201)
                .body("clientId", equalTo(clientIdOf(hetu)))
                .body("register", equalTo("SOCIAL"))
                .body("recipientOrganisation", equalTo(TestUsers.NGO))
                .body("recordedByOrganisation", nullValue())
                .extract().path("id");
        as(client(hetu)).get("/me/prohibitions").then().statusCode(200).body("id", equalTo(List.of(id)));
        as(client(newHetu())).get("/me/prohibitions").then().statusCode(200).body("$", hasSize(0));
        as(TestUsers.NURSE).get("/me/prohibitions").then().statusCode(403).contentType(PROBLEM);

        as(client(newHetu())).post("/prohibitions/" + id + "/revoke").then().statusCode(404);
        as(TestUsers.NURSE).post("/prohibitions/" + id + "/revoke").then().statusCode(404);
        as(client(hetu)).post("/prohibitions/" + id + "/revoke").then()
                .statusCode(200).body("status", equalTo("REVOKED"));
        as(client(hetu)).post("/prohibitions/" + id + "/revoke").then().statusCode(409);
    }

    @Test
    void aProfessionalRecordsAProhibitionOnTheClientsWord() {
        String hetu = newHetu();
        String id = as(TestUsers.NURSE).body(Map.of("client", hetu, "register", "HEALTH")).post("/prohibitions")
                .then().statusCode(201)
                .body("recordedByOrganisation", equalTo(TestUsers.HEALTH_CENTRE))
                .extract().path("id");
        as(TestUsers.SOCIAL_WORKER).post("/prohibitions/" + id + "/revoke").then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).post("/prohibitions/" + id + "/revoke").then().statusCode(404);
        as(TestUsers.DOCTOR).post("/prohibitions/" + id + "/revoke").then().statusCode(200);
    }
}
