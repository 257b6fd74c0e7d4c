package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Forwarding (issue 9 point 3, siirto instead of pompottelu): the receiver forwards a referral with a reason
 * code; the original becomes FORWARDED and links to a new referral from the forwarder, which waits for its own
 * consent decision (the forwarder discloses). Until that permit the new recipient sees nothing at all — not the
 * referral, its need, its history, nor a trace in its lists — and cannot act on it. After the permit it does.
 */
@ReferralServiceTest
class AForwardShowsNothingToTheNewRecipientBeforeItsConsent {

    private static final String CHILD_WELFARE_LIST = "/referrals";

    @Test
    void theNewRecipientSeesNothingUntilItsOwnPermit() {
        Need original = needAwaitingConsent("010190-900P");
        grantAndAwaitSent(original, BOTH, UUID.randomUUID());
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + original.referralId()).then().statusCode(200);

        var forwarded = as(TestUsers.SOCIAL_WORKER)
                .body(Map.of("targetOrganisation", TestUsers.CHILD_WELFARE, "reason", "BETTER_SUITED"))
                .post("/referrals/" + original.referralId() + "/forward").then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("senderOrganisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .body("receiverOrganisation", equalTo(TestUsers.CHILD_WELFARE))
                .body("forwardedFrom", equalTo(original.referralId()))
                .body("clientId", equalTo(original.clientId()))
                .body("category", equalTo("MENTAL_HEALTH"))
                .extract();
        String newId = forwarded.path("id");
        String newNeed = forwarded.path("needId");

        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + original.referralId()).then().statusCode(200)
                .body("status", equalTo("FORWARDED")).body("forwardedTo", equalTo(newId))
                .body("forwardReason", equalTo("BETTER_SUITED"));
        as(TestUsers.NURSE).get("/referrals/" + original.referralId()).then().statusCode(200)
                .body("status", equalTo("FORWARDED")).body("forwardedTo", equalTo(newId));
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_FORWARDED, original.referralId(), 1))
                .hasSize(1);
        // its own consent decision: need-identified with the forwarder as discloser
        assertThat(needIdentifiedEvent(newNeed)).contains("\"sourceOrganisation\":\"" + TestUsers.SOCIAL_SERVICES)
                .contains("\"targetOrganisation\":\"" + TestUsers.CHILD_WELFARE);

        // nothing for the new recipient before its permit
        as(TestUsers.CHILD_WELFARE_WORKER).get("/referrals/" + newId).then().statusCode(404);
        as(TestUsers.CHILD_WELFARE_WORKER).get("/referrals/" + newId + "/history").then().statusCode(404);
        as(TestUsers.CHILD_WELFARE_WORKER).get("/needs/" + newNeed).then().statusCode(404);
        as(TestUsers.CHILD_WELFARE_WORKER).get("/referrals/" + original.referralId()).then().statusCode(404);
        as(TestUsers.CHILD_WELFARE_WORKER).queryParam("direction", "received").queryParam("limit", 200)
                .get(CHILD_WELFARE_LIST).then().statusCode(200).body("id", not(hasItem(newId)));
        as(TestUsers.CHILD_WELFARE_WORKER).post("/referrals/" + newId + "/accept").then().statusCode(404);
        as(TestUsers.CHILD_WELFARE_WORKER).body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "OTHER"))
                .post("/referrals/" + newId + "/forward").then().statusCode(404);
        // the original sender is not a party of the new referral
        as(TestUsers.NURSE).get("/referrals/" + newId).then().statusCode(404);

        // its own permit: now the new recipient sees it, as the forwarder permitted
        Need next = new Need(newNeed, newId, original.clientId(), TestUsers.SOCIAL_WORKER, TestUsers.CHILD_WELFARE);
        grantAndAwaitSent(next, java.util.List.of("NEED_SUMMARY"), UUID.randomUUID());
        as(TestUsers.CHILD_WELFARE_WORKER).get("/referrals/" + newId).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("client", nullValue())
                .body("category", equalTo("MENTAL_HEALTH")).body("forwardedFrom", equalTo(original.referralId()));
        as(TestUsers.CHILD_WELFARE_WORKER).get("/referrals/" + original.referralId()).then().statusCode(404);
    }

    @Test
    void aForwardGoesToAnActiveOtherOrganisationNeverBackToTheSender() {
        Need n = needAwaitingConsent("131052-9085");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String forward = "/referrals/" + n.referralId() + "/forward";
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.HEALTH_CENTRE, "reason", "OTHER"))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("targetOrganisation"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.SOCIAL_SERVICES, "reason", "OTHER"))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("targetOrganisation"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.CLOSED_CLINIC, "reason", "OTHER"))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("targetOrganisation"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", "1.2.246.10.999999.1", "reason", "OTHER"))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("targetOrganisation"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "BORED"))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("reason"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.NGO))
                .post(forward).then().statusCode(400).body("errors.field", hasItem("reason"));
        as(TestUsers.NURSE).body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "OTHER"))
                .post(forward).then().statusCode(403);
        as(TestUsers.HOSPITAL_NURSE).body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "OTHER"))
                .post(forward).then().statusCode(404);

        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "NO_CAPACITY"))
                .post(forward).then().statusCode(201);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.CHILD_WELFARE, "reason", "OTHER"))
                .post(forward).then().statusCode(409)
                .body("type", equalTo("https://yhdyspinta.fi/problems/illegal-transition"))
                .body("currentStatus", equalTo("FORWARDED"));
    }

    /** The need-identified event of the need, as JSON text. */
    private static String needIdentifiedEvent(String needId) {
        return fi.yhdyspinta.testsupport.TestEvents.read(EventType.NEED_IDENTIFIED,
                rs -> rs.stream().anyMatch(r -> r.value().contains(needId)), java.time.Duration.ofSeconds(15))
                .stream().filter(r -> r.value().contains(needId)).findFirst().orElseThrow().value();
    }
}
