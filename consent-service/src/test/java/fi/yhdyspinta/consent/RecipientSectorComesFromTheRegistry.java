package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.clientProhibits;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.need;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.publishNeed;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static fi.yhdyspinta.consent.Scenario.statutoryDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7: sectors come from the organisation registry, never from a request body, a token's claim
 * or a need-identified event. An unknown or inactive recipient is a bad request naming the field; a
 * caller of an unknown or inactive organisation may not disclose.
 */
@ConsentServiceTest
class RecipientSectorComesFromTheRegistry {

    private static final List<String> DATA = List.of("NEED_SUMMARY", "CONTACT_DETAILS");
    private static final String UNREGISTERED = "1.2.246.10.5550555.1";

    @Test
    void anUnknownOrInactiveRecipientIsABadRequest() {
        String hetu = newHetu();
        for (String recipient : List.of(UNREGISTERED, TestUsers.CLOSED_CLINIC)) {
            as(TestUsers.NURSE).body(decision(hetu, recipient, "REFERRAL", DATA)).post("/consent-decisions").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                    .body("errors.field", hasItem("recipientOrganisation"));
        }
        assertThat(decisions(hetu)).isEmpty();
    }

    @Test
    void aSectorInTheBodyMakesNoRecipientChildWelfare() {
        Map<String, Object> body = statutoryDecision(newHetu(), TestUsers.NGO, "REFERRAL", DATA, "LSL_25");
        body.put("recipientSector", "SOCIAL");

        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(anyOf(equalTo(400), equalTo(403)))
                .contentType(PROBLEM);
    }

    @Test
    void aCallerOfAnUnknownOrInactiveOrganisationMayNotDisclose() {
        String hetu = newHetu();
        for (String organisation : List.of(UNREGISTERED, TestUsers.CLOSED_CLINIC)) {
            TestUser nurse = new TestUser("nurse-of-" + organisation, organisation, "HEALTH",
                    Set.of("professional", "health-professional"), null);
            as(nurse).body(decision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA)).post("/consent-decisions")
                    .then().statusCode(403).contentType(PROBLEM);
            as(nurse).body(referralConsent(hetu)).post("/consents").then().statusCode(403).contentType(PROBLEM);
        }
        assertThat(decisions(hetu)).isEmpty();
    }

    @Test
    void aNeedsSourceSectorIsTheRegistrysNotTheEvents() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        clientProhibits(hetu, "HEALTH");
        // the event says the health centre is a social-care organisation: the health prohibition still reaches it
        NeedIdentified need = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "SOCIAL", TestUsers.SOCIAL_SERVICES,
                "SOCIAL", "REFERRAL");

        publishNeed(need);

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("PROHIBITION");
    }

    @Test
    void aNeedsTargetSectorIsTheRegistrysNotTheEvents() {
        String hetu = newHetu();
        // the event says the NGO is child welfare: LSL 25 § still does not reach it
        NeedIdentified need = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "HEALTH", TestUsers.NGO, "SOCIAL",
                "REFERRAL");
        publishNeed(need);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(need.needId()), hetu);

        Map<String, Object> body = statutoryDecision(hetu, TestUsers.NGO, "REFERRAL", DATA, "LSL_25");
        body.put("needId", need.needId());
        as(TestUsers.NURSE).body(body).post("/consent-decisions").then()
                .statusCode(403).body("errors.field", hasItem("statutoryBasis"));
    }

    @Test
    void aNeedForAnInactiveRecipientIsDeniedAndTheSenderTold() {
        String hetu = newHetu();
        NeedIdentified need = need(clientIdOf(hetu), TestUsers.HEALTH_CENTRE, "HEALTH", TestUsers.CLOSED_CLINIC,
                "HEALTH", "REFERRAL");

        publishNeed(need);

        JsonNode denied = awaitEvent(EventType.CONSENT_DENIED, forNeed(need.needId()), hetu);
        assertThat(denied.path("reason").asText()).isEqualTo("NO_VALID_CONSENT");
        assertThat(denied.path("requestingOrganisation").asText()).isEqualTo(TestUsers.HEALTH_CENTRE);
        // denied, not waiting: the client is not asked to consent to an organisation out of the registry
        assertThat(decisions(hetu)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("needId", need.needId()).containsEntry("outcome", "DENY"));
    }
}
