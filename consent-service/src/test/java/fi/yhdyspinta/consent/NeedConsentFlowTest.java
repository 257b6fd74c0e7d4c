package fi.yhdyspinta.consent;

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

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.consent.domain.DisclosureRules;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import fi.yhdyspinta.testsupport.time.MovableClock;

/** DESIGN §4 step 2 on real Kafka, PostgreSQL and OIDC: a need-identified event asks for a consent decision. */
@ConsentServiceTest
class NeedConsentFlowTest {

    @Test
    void needWithoutConsentAsksForItAndTheRecordedConsentGrantsIt() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        NeedIdentified need = needForSocialServices(clientId);

        publishNeed(need);

        JsonNode requested = awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);
        assertThat(requested.path("clientId").asText()).isEqualTo(clientId);
        assertThat(requested.path("requestingOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
        assertThat(requested.path("recipientOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(requested.path("purpose").asText()).isEqualTo("REFERRAL");

        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("consentId").asText()).isEqualTo(consentId);
        assertThat(granted.path("basis").asText()).isEqualTo("CONSENT");
        assertThat(granted.path("recipientOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(granted.path("validUntil").asText()).isNotBlank();

        String decisionId = granted.path("decisionId").asText();
        as(TestUsers.NURSE).get("/consent-decisions/" + decisionId).then()
                .statusCode(200)
                .body("outcome", equalTo("PERMIT"))
                .body("basis", equalTo("CONSENT"))
                .body("consentId", equalTo(consentId))
                .body("needId", equalTo(need.needId()));
        as(TestUsers.NGO_WORKER).get("/consent-decisions/" + decisionId).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aConsentThatDoesNotCoverLeavesTheNeedPending() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of(TestUsers.NGO),
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"))).post("/consents").then().statusCode(201);
        as(TestUsers.NURSE).body(consent(hetu, "JOINT_CLIENT_PLAN", List.of(TestUsers.SOCIAL_SERVICES),
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"))).post("/consents").then().statusCode(201);
        as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of(TestUsers.SOCIAL_SERVICES),
                List.of("NEED_SUMMARY"))).post("/consents").then().statusCode(201);

        // settling runs in the consent's own transaction: after the 201s the log is final
        List<Map<String, Object>> log = Scenario.decisions(hetu);
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("needId", need.needId()).containsEntry("outcome", "DENY")
                    .containsEntry("reason", "NO_VALID_CONSENT");
        });

        // the need still waits: a covering consent grants it now
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
    }

    @Test
    void aValidConsentGrantsTheNeedAtOnce() {
        String hetu = newHetu();
        String consentId = as(TestUsers.DOCTOR).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));

        publishNeed(need);

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("consentId").asText()).isEqualTo(consentId);
        // the grant and any request for consent would commit together: the log has the one decision
        List<Map<String, Object>> log = Scenario.decisions(hetu);
        assertThat(log).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("needId", need.needId()).containsEntry("outcome", "PERMIT")
                .containsEntry("basis", "CONSENT").containsEntry("statutory", false));
    }

    @Test
    void theClientsRefusalDeniesThePendingNeed() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> refusal = referralConsent(hetu);
        refusal.put("answer", "REFUSED");
        as(TestUsers.NURSE).body(refusal).post("/consents").then()
                .statusCode(201)
                .body("status", equalTo("REFUSED"));

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("REFUSED");
        assertThat(denied.path("requestingOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
    }

    @Test
    void theClientsHealthRegisterProhibitionDeniesTheNeedDespiteConsent() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        as(client(hetu)).body(Map.of("register", "HEALTH")).post("/me/prohibitions").then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"));
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));

        publishNeed(need);

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("PROHIBITION");
    }

    @Test
    void revokingAConsentAnnouncesIt() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");

        as(client(newHetu())).post("/consents/" + consentId + "/revoke").then().statusCode(404);
        as(TestUsers.NGO_WORKER).post("/consents/" + consentId + "/revoke").then().statusCode(404);
        as(client(hetu)).post("/consents/" + consentId + "/revoke").then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));

        JsonNode revoked = awaitEvent(EventType.CONSENT_REVOKED,
                data -> consentId.equals(data.path("consentId").asText()), hetu);
        assertThat(revoked.path("purpose").asText()).isEqualTo("REFERRAL");
        assertThat(revoked.path("revokedAt").asText()).isNotBlank();

        as(TestUsers.NURSE).post("/consents/" + consentId + "/revoke").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/illegal-transition"));
    }

    @Test
    void afterRevocationANewNeedWaitsForConsentAgain() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.SOCIAL_WORKER).post("/consents/" + consentId + "/revoke").then().statusCode(200);
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));

        publishNeed(need);

        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);
        assertThat(Scenario.decisions(hetu).get(0).get("reason")).isEqualTo("REVOKED");
    }

    @Test
    void aConsentCoversThroughItsLastDayAndNoLonger() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        LocalDate tomorrow = LocalDate.now(DisclosureRules.COUNTY_ZONE).plusDays(1);
        Map<String, Object> untilTomorrow = referralConsent(hetu);
        untilTomorrow.put("validUntil", tomorrow.toString());
        String consentId = as(TestUsers.NURSE).body(untilTomorrow).post("/consents").then()
                .statusCode(201).extract().path("id");
        try {
            // the service's clock (TestClock) moves to the consent's last day: it still covers
            MovableClock.moveBy(Duration.ofDays(1));
            NeedIdentified onTheLastDay = needForSocialServices(clientId);
            publishNeed(onTheLastDay);
            JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(onTheLastDay.needId()), hetu);
            assertThat(granted.path("consentId").asText()).isEqualTo(consentId);

            // the day after it, a new need finds no valid consent and asks for one
            MovableClock.moveBy(Duration.ofDays(1));
            NeedIdentified theDayAfter = needForSocialServices(clientId);
            publishNeed(theDayAfter);
            awaitEvent(EventType.CONSENT_REQUESTED, forNeed(theDayAfter.needId()), hetu);
            assertThat(Scenario.decisions(hetu)).filteredOn(entry -> theDayAfter.needId().equals(entry.get("needId")))
                    .singleElement().satisfies(entry -> assertThat(entry)
                            .containsEntry("outcome", "DENY").containsEntry("reason", "NO_VALID_CONSENT"));

            // and a consent whose last day has passed on the service's clock cannot be recorded
            as(TestUsers.NURSE).body(untilTomorrow).post("/consents").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem("validUntil"));
        } finally {
            MovableClock.reset();
        }
    }
}
