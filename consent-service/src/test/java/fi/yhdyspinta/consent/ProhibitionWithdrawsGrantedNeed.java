package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.consent;
import static fi.yhdyspinta.consent.Scenario.eventsUntil;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.need;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static fi.yhdyspinta.consent.Scenario.statutoryDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §2, issue point 3: a new prohibition, recorded by the client or by a professional on the
 * client's word, denies the pending needs it reaches and withdraws the granted ones it now forbids —
 * a new DENY in the log and consent-denied (reason PROHIBITION) for the need, so that its open
 * referral is suspended. What it does not reach, or what a statutory basis still permits, stands.
 */
@ConsentServiceTest
class ProhibitionWithdrawsGrantedNeed {

    private static final List<String> DATA = List.of("NEED_SUMMARY", "CONTACT_DETAILS");

    private static NeedIdentified grantedNeedForSocialServices(String hetu) {
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(need.needId()), hetu);
        return need;
    }

    @Test
    void theClientsHealthProhibitionWithdrawsTheGrantedNeed() {
        String hetu = newHetu();
        NeedIdentified need = grantedNeedForSocialServices(hetu);

        as(client(hetu)).body(Map.of("register", "HEALTH")).post("/me/prohibitions").then().statusCode(201);

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("PROHIBITION");
        assertThat(denied.path("requestingOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
        assertThat(denied.path("recipientOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(decisions(hetu).get(0)).containsEntry("needId", need.needId()).containsEntry("outcome", "DENY")
                .containsEntry("reason", "PROHIBITION").containsEntry("decisionId", denied.path("decisionId").asText());
    }

    @Test
    void aProfessionalsRecordOfTheProhibitionDeniesThePendingNeed() {
        String hetu = newHetu();
        NeedIdentified need = needForSocialServices(clientIdOf(hetu));
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        as(TestUsers.HOSPITAL_NURSE).body(Map.of("client", hetu, "register", "HEALTH")).post("/prohibitions").then()
                .statusCode(201).body("recordedByOrganisation", equalTo(TestUsers.CENTRAL_HOSPITAL));

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("PROHIBITION");
    }

    @Test
    void aProhibitionThatDoesNotReachTheNeedLeavesItGranted() {
        String hetu = newHetu();
        NeedIdentified granted = grantedNeedForSocialServices(hetu);
        NeedIdentified toNgo = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "HEALTH", TestUsers.NGO, "NGO",
                "REFERRAL");
        publishNeed(toNgo);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(toNgo.needId()), hetu);

        // a prohibition of health-register disclosure to the NGO only
        as(client(hetu)).body(Map.of("register", "HEALTH", "recipientOrganisation", TestUsers.NGO))
                .post("/me/prohibitions").then().statusCode(201);

        List<JsonNode> denials = eventsUntil(EventType.CONSENT_DENIED, forNeed(toNgo.needId()));
        assertThat(denials).noneMatch(forNeed(granted.needId()));
    }

    @Test
    void aStatutoryPermitThatStillHoldsIsNotWithdrawnButAConsentBasedOneIs() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        // social services notifies child welfare on LSL 25 §
        NeedIdentified notification = need(clientId, TestUsers.SOCIAL_SERVICES, "SOCIAL", TestUsers.CHILD_WELFARE,
                "SOCIAL", "REFERRAL");
        publishNeed(notification);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(notification.needId()), hetu);
        Map<String, Object> lsl25 = statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "REFERRAL", DATA, "LSL_25");
        lsl25.put("needId", notification.needId());
        as(TestUsers.SOCIAL_WORKER).body(lsl25).post("/consent-decisions").then().statusCode(201)
                .body("outcome", equalTo("PERMIT_STATUTORY"));
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(notification.needId()), hetu);
        // and, on the client's consent, refers the client to the NGO
        as(TestUsers.SOCIAL_WORKER).body(consent(hetu, "REFERRAL", List.of(TestUsers.NGO), DATA)).post("/consents")
                .then().statusCode(201);
        NeedIdentified toNgo = need(clientId, TestUsers.SOCIAL_SERVICES, "SOCIAL", TestUsers.NGO, "NGO", "REFERRAL");
        publishNeed(toNgo);
        awaitEvent(EventType.CONSENT_GRANTED, forNeed(toNgo.needId()), hetu);

        as(client(hetu)).body(Map.of("register", "SOCIAL")).post("/me/prohibitions").then().statusCode(201);

        List<JsonNode> denials = eventsUntil(EventType.CONSENT_DENIED, forNeed(toNgo.needId()));
        assertThat(denials).filteredOn(forNeed(toNgo.needId())).singleElement()
                .satisfies(d -> assertThat(d.path("reason").asText()).isEqualTo("PROHIBITION"));
        assertThat(denials).noneMatch(forNeed(notification.needId()));
    }
}
