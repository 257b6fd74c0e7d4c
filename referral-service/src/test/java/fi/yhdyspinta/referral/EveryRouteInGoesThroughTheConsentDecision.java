package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Every route in (issue 9 point 1, SHL 40 §): social care refers a client to health care, an NGO refers one to
 * social services — with POST /referrals, the same body and the same consent decision as a need: the referral
 * waits AWAITING_CONSENT, need-identified names the caller's organisation as the discloser, the receiver sees
 * nothing before the permit. The target comes from the registry: unknown, inactive or the caller's own is 400.
 */
@ReferralServiceTest
class EveryRouteInGoesThroughTheConsentDecision {

    private static Need refer(TestUser sender, String hetu, String receiver, String expectedSourceSector) {
        var created = as(sender).body(Scenario.need(hetu, receiver)).post("/referrals").then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("senderOrganisation", equalTo(sender.org()))
                .body("receiverOrganisation", equalTo(receiver))
                .body("consentStatus", equalTo("AWAITING"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/referrals/" + id);
        String needId = created.path("needId");
        String event = TestEvents.read(EventType.NEED_IDENTIFIED, rs -> rs.stream()
                .anyMatch(r -> r.value().contains(needId)), Duration.ofSeconds(15)).stream()
                .filter(r -> r.value().contains(needId)).findFirst().orElseThrow().value();
        assertThat(event).contains("\"sourceOrganisation\":\"" + sender.org())
                .contains("\"sourceSector\":\"" + expectedSourceSector).contains("\"referralId\":\"" + id)
                .doesNotContain(hetu);
        return new Need(needId, id, created.path("clientId"), sender, receiver);
    }

    @Test
    void socialCareRefersToHealthCareThroughConsent() {
        Need n = refer(TestUsers.SOCIAL_WORKER, "010190-900P", TestUsers.HEALTH_CENTRE, "SOCIAL");
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.NURSE).get("/needs/" + n.needId()).then().statusCode(404);
        Scenario.grantAndAwaitSent(n, Scenario.BOTH, UUID.randomUUID());
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("client", equalTo("010190-900P"));
    }

    @Test
    void anNgoRefersToPublicServicesThroughConsent() {
        Need n = refer(TestUsers.NGO_WORKER, "131052-9085", TestUsers.SOCIAL_SERVICES, "NGO");
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.NGO_WORKER).get("/referrals/" + n.referralId() + "/history").then().statusCode(200)
                .body("[0].actorOrganisation", equalTo(TestUsers.NGO)).body("[0].actorRole", equalTo("ngo-worker"));
    }

    @Test
    void theTargetIsAnActiveOtherOrganisationOfTheRegistry() {
        for (String target : new String[] { TestUsers.SOCIAL_SERVICES, TestUsers.CLOSED_CLINIC, "1.2.246.10.999999.1" }) {
            as(TestUsers.SOCIAL_WORKER).body(Scenario.need("010190-900P", target)).post("/referrals").then()
                    .statusCode(400).body("errors.field", hasItem("targetOrganisation"));
        }
        Map<String, Object> wrongSector = new HashMap<>(Scenario.need("010190-900P", TestUsers.HEALTH_CENTRE));
        wrongSector.put("targetSector", "NGO");
        as(TestUsers.SOCIAL_WORKER).body(wrongSector).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("targetSector"));
        Map<String, Object> noClient = new HashMap<>(Scenario.need("010190-900P", TestUsers.HEALTH_CENTRE));
        noClient.remove("client");
        as(TestUsers.SOCIAL_WORKER).body(noClient).post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem("client"));
        as(TestUsers.CLIENT).body(Scenario.need("010190-900P", TestUsers.HEALTH_CENTRE)).post("/referrals").then()
                .statusCode(403);
    }
}
