package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7, issue 6: creating POSTs of consent-service honour {@code Idempotency-Key}. A record system
 * that retries after a lost answer gets the first answer again and records nothing twice; the same key
 * with another body is refused with 422 naming the header.
 */
@ConsentServiceTest
class CreatingRequestsHonourIdempotencyKeys {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aRetriedConsentIsRecordedOnce() {
        String hetu = newHetu();
        String key = UUID.randomUUID().toString();
        String first = as(TestUsers.NURSE).header(KEY, key).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.NURSE).header(KEY, key).body(referralConsent(hetu)).post("/consents").then()
                .statusCode(201).header("Location", endsWith("/consents/" + first)).body("id", equalTo(first));
        as(client(hetu)).get("/me/consents").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeader() {
        String key = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header(KEY, key).body(referralConsent(newHetu())).post("/consents").then()
                .statusCode(201);
        List<String> fields = as(TestUsers.NURSE).header(KEY, key).body(referralConsent(newHetu()))
                .post("/consents").then().statusCode(422).contentType("application/problem+json")
                .extract().path("errors.field");
        assertThat(fields).contains(KEY);
    }

    @Test
    void aRetriedProhibitionAndDecisionAreRecordedOnce() {
        String hetu = newHetu();
        String key = UUID.randomUUID().toString();
        Map<String, Object> prohibition = Map.of("client", hetu, "register", "HEALTH");
        String first = as(TestUsers.NURSE).header(KEY, key).body(prohibition).post("/prohibitions").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.NURSE).header(KEY, key).body(prohibition).post("/prohibitions").then().statusCode(201)
                .body("id", equalTo(first));
        as(client(hetu)).get("/me/prohibitions").then().statusCode(200).body("$", hasSize(1));

        String decisionKey = UUID.randomUUID().toString();
        var body = decision(newHetu(), TestUsers.SOCIAL_SERVICES, "REFERRAL", List.of("NEED_SUMMARY"));
        String decided = as(TestUsers.NURSE).header(KEY, decisionKey).body(body).post("/consent-decisions").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.NURSE).header(KEY, decisionKey).body(body).post("/consent-decisions").then().statusCode(201)
                .body("id", equalTo(decided));
    }

    @Test
    void theClientsOwnAnswerIsIdempotentToo() {
        String hetu = newHetu();
        String key = UUID.randomUUID().toString();
        Map<String, Object> own = new java.util.HashMap<>(referralConsent(hetu));
        own.remove("client");
        own.remove("form");
        String first = as(client(hetu)).header(KEY, key).body(own).post("/me/consents").then().statusCode(201)
                .extract().path("id");
        as(client(hetu)).header(KEY, key).body(own).post("/me/consents").then().statusCode(201)
                .body("id", equalTo(first));
        as(client(hetu)).get("/me/consents").then().statusCode(200).body("$", hasSize(1));
    }
}
