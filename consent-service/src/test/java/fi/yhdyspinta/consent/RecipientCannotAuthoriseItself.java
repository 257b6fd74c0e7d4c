package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.FORBIDDEN;
import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.clientProhibits;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.eventsUntil;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.need;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.statutoryDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7: the discloser asks for a decision, never the recipient. The walk-around — the
 * NGO a need is for claims LSL 25 § for it and gets a permit despite the client's prohibition — is
 * refused, and nothing is released.
 */
@ConsentServiceTest
class RecipientCannotAuthoriseItself {

    private static final List<String> DATA = List.of("NEED_SUMMARY", "CONTACT_DETAILS");

    @Test
    void theNgoCannotPermitItsOwnDeniedNeedWithAStatutoryBasis() {
        String hetu = newHetu();
        clientProhibits(hetu, "HEALTH");
        NeedIdentified need = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "HEALTH", TestUsers.NGO, "NGO",
                "REFERRAL");
        publishNeed(need);
        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("PROHIBITION");

        Map<String, Object> selfPermit = statutoryDecision(hetu, TestUsers.NGO, "REFERRAL", DATA, "LSL_25");
        selfPermit.put("needId", need.needId());
        as(TestUsers.NGO_WORKER).body(selfPermit).post("/consent-decisions").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN))
                .body("errors.field", hasItem("recipientOrganisation"));
        selfPermit.remove("needId");
        as(TestUsers.NGO_WORKER).body(selfPermit).post("/consent-decisions").then().statusCode(403);
        selfPermit.put("recipientSector", "SOCIAL");
        as(TestUsers.NGO_WORKER).body(selfPermit).post("/consent-decisions").then().statusCode(org.hamcrest.Matchers
                .anyOf(equalTo(400), equalTo(403)));

        // the need stays denied: the one decision is the denial
        assertThat(decisions(hetu)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("needId", need.needId()).containsEntry("outcome", "DENY"));
        // a later permit for this client (child welfare notifies social services) is the marker: nothing before it for the need
        String marker = as(TestUsers.CHILD_WELFARE_WORKER)
                .body(statutoryDecision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA, "LSL_25"))
                .post("/consent-decisions").then().statusCode(201).body("outcome", equalTo("PERMIT_STATUTORY"))
                .extract().path("id");
        assertThat(eventsUntil(EventType.CONSENT_GRANTED, data -> marker.equals(data.path("decisionId").asText())))
                .noneMatch(forNeed(need.needId()));
    }

    @Test
    void theTargetOfANeedCannotAskForItNamingAnotherRecipient() {
        String hetu = newHetu();
        NeedIdentified need = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "HEALTH", TestUsers.NGO, "NGO",
                "REFERRAL");
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> body = statutoryDecision(hetu, TestUsers.CHILD_WELFARE, "REFERRAL", DATA, "LSL_25");
        body.put("needId", need.needId());
        as(TestUsers.NGO_WORKER).body(body).post("/consent-decisions").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRecipientCannotAskForAPermitOnConsentForItselfEither() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(Scenario.referralConsent(hetu)).post("/consents").then().statusCode(201);

        as(TestUsers.SOCIAL_WORKER).body(decision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA))
                .post("/consent-decisions").then()
                .statusCode(403).contentType(PROBLEM).body("errors.field", hasItem("recipientOrganisation"));
        assertThat(decisions(hetu)).isEmpty();
    }
}
