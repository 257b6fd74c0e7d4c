package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.FORBIDDEN;
import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.consent;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7: consents are recorded by the discloser or the client. An organisation named among the
 * recipients cannot record the answer that releases data to itself, and one organisation's record
 * of an answer does not decide another organisation's need.
 */
@ConsentServiceTest
class OnlyTheDiscloserRecordsConsent {

    @Test
    void anNgoCannotRecordTheConsentOrRefusalThatNamesItself() {
        String hetu = newHetu();
        Map<String, Object> toItself = consent(hetu, "REFERRAL", List.of(TestUsers.NGO), List.of("NEED_SUMMARY"));
        as(TestUsers.NGO_WORKER).body(toItself).post("/consents").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN))
                .body("errors.field", hasItem("recipients"));
        toItself.put("answer", "REFUSED");
        as(TestUsers.NGO_WORKER).body(toItself).post("/consents").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).body(consent(hetu, "REFERRAL", List.of(TestUsers.NGO, TestUsers.SOCIAL_SERVICES),
                List.of("NEED_SUMMARY"))).post("/consents").then().statusCode(403);

        as(client(hetu)).get("/me/consents").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anotherOrganisationsConsentDoesNotReleaseANeedItIsNotTheSourceOf() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        String hospitals = as(TestUsers.HOSPITAL_NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        // the answer was given to the hospital: the health centre's need still waits, nothing decided
        assertThat(decisions(hetu)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("needId", need.needId()).containsEntry("reason", "NO_VALID_CONSENT"));

        String healthCentres = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("consentId").asText()).isEqualTo(healthCentres).isNotEqualTo(hospitals);
    }

    @Test
    void anotherOrganisationsRefusalDoesNotDenyIt() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> refusal = referralConsent(hetu);
        refusal.put("answer", "REFUSED");
        as(TestUsers.HOSPITAL_NURSE).body(refusal).post("/consents").then().statusCode(201)
                .body("status", equalTo("REFUSED"));
        assertThat(decisions(hetu)).hasSize(1);

        as(TestUsers.DOCTOR).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
    }

    @Test
    void theClientsOwnConsentReleasesTheNeed() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> own = referralConsent(hetu);
        own.remove("client");
        own.remove("form");
        String consentId = as(client(hetu)).body(own).post("/me/consents").then()
                .statusCode(201)
                .body("clientId", equalTo(clientIdOf(hetu)))
                .body("form", equalTo("ELECTRONIC"))
                .body("recordedByOrganisation", nullValue())
                .extract().path("id");

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("consentId").asText()).isEqualTo(consentId);
        as(client(hetu)).get("/me/consents").then().body("id", equalTo(List.of(consentId)));
        // the recipient sees the consent naming it
        as(TestUsers.SOCIAL_WORKER).queryParam("client", hetu).get("/consents").then()
                .statusCode(200).body("id", equalTo(List.of(consentId)));
    }

    @Test
    void onlyTheClientUsesTheClientsOwnConsentPath() {
        Map<String, Object> own = referralConsent(newHetu());
        own.remove("client");
        as(TestUsers.NURSE).body(own).post("/me/consents").then().statusCode(403).contentType(PROBLEM);
        as(TestUsers.OPS).body(own).post("/me/consents").then().statusCode(403);
    }
}
