package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** {@code POST /consent-decisions}: consent first; without it, only a justified statutory basis; else deny. */
@ConsentServiceTest
class ConsentDecisionApiTest {

    private static final String JUSTIFICATION = "Potilas ei ilmeisesti kykene huolehtimaan turvallisuudestaan";

    static Map<String, Object> decision(String hetu, String purpose) {
        return Scenario.decision(hetu, TestUsers.SOCIAL_SERVICES, purpose, List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
    }

    @Test
    void withAValidConsentTheDecisionPermits() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");

        as(TestUsers.DOCTOR).body(decision(hetu, "REFERRAL")).post("/consent-decisions").then()
                .statusCode(201)
                .body("outcome", equalTo("PERMIT"))
                .body("basis", equalTo("CONSENT"))
                .body("consentId", equalTo(consentId))
                .body("reason", nullValue());
    }

    @Test
    void withNothingToRestOnTheDecisionDenies() {
        String id = as(TestUsers.NURSE).body(decision(newHetu(), "REFERRAL")).post("/consent-decisions").then()
                .statusCode(201)
                .body("outcome", equalTo("DENY"))
                .body("reason", equalTo("NO_VALID_CONSENT"))
                .body("basis", nullValue())
                .extract().path("id");
        as(TestUsers.NURSE).get("/consent-decisions/" + id).then().statusCode(200).body("outcome", equalTo("DENY"));
        as(TestUsers.SOCIAL_WORKER).get("/consent-decisions/" + id).then().statusCode(404).contentType(
                "application/problem+json");
    }

    @Test
    void aStatutoryBasisNeedsAJustification() {
        Map<String, Object> body = decision(newHetu(), "CONTACT");
        body.put("statutoryBasis", "SHL_35_INCAPABLE");
        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("justification"));
        body.put("justification", "   ");
        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(400).body("errors.field", hasItem("justification"));
        body.put("statutoryBasis", "CONSENT");
        body.put("justification", JUSTIFICATION);
        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(400).body("errors.field", hasItem("statutoryBasis"));
    }

    @Test
    void shl35ContactIsPermittedMarkedAndShownToTheClientWithoutTheFreeText() {
        String hetu = newHetu();
        Map<String, Object> body = decision(hetu, "CONTACT");
        body.put("statutoryBasis", "SHL_35_INCAPABLE");
        body.put("justification", JUSTIFICATION);

        String id = as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(201)
                .body("outcome", equalTo("PERMIT_STATUTORY"))
                .body("basis", equalTo("SHL_35_INCAPABLE"))
                .body("justification", equalTo(JUSTIFICATION))
                .extract().path("id");

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, data -> id.equals(data.path("decisionId").asText()),
                hetu);
        assertThat(granted.path("basis").asText()).isEqualTo("SHL_35_INCAPABLE");
        assertThat(granted.path("consentId").isNull()).isTrue();
        assertThat(granted.toString()).doesNotContain("kykene");

        // the client sees the decision in their access log, statutory flagged, without the free text
        Map<String, Object> decided = Scenario.awaitAccessLogEntry(hetu, entry -> id.equals(entry.get("resourceId")));
        assertThat(decided).containsEntry("action", "DECIDE").containsEntry("resourceType", "CONSENT_DECISION")
                .containsEntry("legalBasis", "SHL_35_INCAPABLE").containsEntry("statutory", true)
                .containsEntry("purpose", "CONTACT").containsEntry("outcome", "PERMITTED");
        assertThat(decided.get("who").toString()).contains(TestUsers.HEALTH_CENTRE, "health-professional");
        assertThat(decided.get("disclosure").toString())
                .contains(TestUsers.SOCIAL_SERVICES, "PERMIT_STATUTORY").doesNotContain("kykene");
        assertThat(decided.toString()).doesNotContain("kykene");
        as(client(newHetu())).get("/me/access-log").then().statusCode(200).body("entries.size()", equalTo(0));
    }

    @Test
    void aStatutoryPermitForAWaitingNeedLetsItsReferralProceed() {
        String hetu = newHetu();
        NeedIdentified need = new NeedIdentified(needForSocialServices(clientIdOf(hetu)).needId(),
                java.util.UUID.randomUUID().toString(), clientIdOf(hetu), "CHILD_AND_FAMILY", TestUsers.HEALTH_CENTRE,
                "HEALTH", "SOCIAL", TestUsers.SOCIAL_SERVICES, "URGENT", "CONTACT",
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> body = decision(hetu, "CONTACT");
        body.put("statutoryBasis", "SHL_35_CHILD_INTEREST");
        body.put("justification", "Lapsen etu vaatii yhteydenoton");
        body.put("needId", need.needId());
        // an NGO may not claim SHL 35 at all; another health organisation may, but not for this need
        as(TestUsers.NGO_WORKER).body(body).post("/consent-decisions").then().statusCode(403);
        as(TestUsers.HOSPITAL_NURSE).body(body).post("/consent-decisions").then().statusCode(404);
        String id = as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(201)
                .body("outcome", equalTo("PERMIT_STATUTORY"))
                .body("needId", equalTo(need.needId()))
                .extract().path("id");

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("decisionId").asText()).isEqualTo(id);
        assertThat(granted.path("basis").asText()).isEqualTo("SHL_35_CHILD_INTEREST");
    }

    @Test
    void aNeedIdForAnotherRecipientIsRejected() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> body = decision(hetu, "REFERRAL");
        body.put("recipientOrganisation", TestUsers.NGO);
        body.put("needId", need.needId());
        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(400).body("errors.field", hasItem("needId"));
    }

    @Test
    void onlyProfessionalsAskForDecisions() {
        String hetu = newHetu();
        as(client(hetu)).body(decision(hetu, "REFERRAL")).post("/consent-decisions").then().statusCode(403);
        as(TestUsers.OPS).body(decision(hetu, "REFERRAL")).post("/consent-decisions").then().statusCode(403);
    }
}
