package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.awaitEvents;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.clientProhibits;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue point 4, the closed loop on denial: the sender is told of every denial (consent-denied names
 * the need's source organisation), and a later consent — recorded by the source organisation or by
 * the client — or a revoked prohibition decides the denied need again.
 */
@ConsentServiceTest
class ClientCanChangeTheirMind {

    private static Map<String, Object> own(Map<String, Object> answer) {
        answer.remove("client");
        answer.remove("form");
        return answer;
    }

    private static NeedIdentified waitingNeed(String hetu) {
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);
        return need;
    }

    @Test
    void aRefusalThenALaterConsentGrantsTheNeed() {
        String hetu = newHetu();
        NeedIdentified need = waitingNeed(hetu);
        Map<String, Object> refusal = referralConsent(hetu);
        refusal.put("answer", "REFUSED");
        as(TestUsers.NURSE).body(refusal).post("/consents").then().statusCode(201);
        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("REFUSED");
        assertThat(denied.path("requestingOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);

        String consentId = as(TestUsers.DOCTOR).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("consentId").asText()).isEqualTo(consentId);
    }

    @Test
    void theClientsOwnRefusalAndLaterConsentDecideTheNeed() {
        String hetu = newHetu();
        NeedIdentified need = waitingNeed(hetu);
        Map<String, Object> refusal = own(referralConsent(hetu));
        refusal.put("answer", "REFUSED");
        as(client(hetu)).body(refusal).post("/me/consents").then().statusCode(201).body("status", equalTo("REFUSED"));
        assertThat(awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu).path("reason").asText())
                .isEqualTo("REFUSED");

        as(client(hetu)).body(own(referralConsent(hetu))).post("/me/consents").then().statusCode(201);

        awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
    }

    @Test
    void aRevokedProhibitionGrantsTheDeniedNeedItHeldBack() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        String prohibition = clientProhibits(hetu, "HEALTH");
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        assertThat(awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu).path("reason").asText())
                .isEqualTo("PROHIBITION");

        as(client(hetu)).post("/prohibitions/" + prohibition + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));

        JsonNode granted = awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(granted.path("basis").asText()).isEqualTo("CONSENT");
    }

    @Test
    void aRevokedProhibitionWithoutConsentAsksTheClientAgain() {
        String hetu = newHetu();
        String prohibition = as(TestUsers.DOCTOR).body(Map.of("client", hetu, "register", "HEALTH"))
                .post("/prohibitions").then().statusCode(201).extract().path("id");
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);

        // only the client or the organisation that recorded it revokes it
        as(TestUsers.HOSPITAL_NURSE).post("/prohibitions/" + prohibition + "/revoke").then().statusCode(404);
        as(TestUsers.NURSE).post("/prohibitions/" + prohibition + "/revoke").then().statusCode(200);

        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        assertThat(awaitEvents(EventType.CONSENT_DENIED, forNeed(need.needId()))).hasSize(1);
    }
}
