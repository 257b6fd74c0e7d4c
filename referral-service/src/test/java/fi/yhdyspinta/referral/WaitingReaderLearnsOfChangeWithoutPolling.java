package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grant;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.Response;

/**
 * Long polling (RFC 7240 {@code Prefer: wait}): a sender that holds version N of its referral asks to wait for a
 * newer one and is answered as soon as the consent decision has sent the referral — no polling loop. Unchanged,
 * it gets 304 after the wait; with If-None-Match alone, 304 at once. Waiting does not open the gate: a receiver
 * before the permit gets the same 404 as without waiting, at once.
 */
@ReferralServiceTest
class WaitingReaderLearnsOfChangeWithoutPolling {

    @Test
    void theSenderWaitingOnItsVersionIsAnsweredWhenTheReferralIsSent() throws Exception {
        Need n = needAwaitingConsent("010190-900P");
        String etag = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).matches("\"\\d+\"");

        long asked = System.nanoTime();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> as(TestUsers.NURSE)
                .header("If-None-Match", etag).header("Prefer", "wait=20")
                .get("/referrals/" + n.referralId()));
        Thread.sleep(300); // the reader is waiting before the change
        assertThat(waiting).isNotDone();
        TestEvents.publish(EventType.CONSENT_GRANTED, n.clientId(), grant(n, BOTH, UUID.randomUUID()),
                Scenario.CONSENT_SERVICE);

        Response answer = waiting.get(15, java.util.concurrent.TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("SENT");
        assertThat(answer.header("ETag")).isNotEqualTo(etag);
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=20");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnchangedReferralIs304AfterTheWait() {
        Need n = needAwaitingConsent("131052-9085");
        String etag = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().extract().header("ETag");

        long asked = System.nanoTime();
        Response answer = as(TestUsers.NURSE).header("If-None-Match", etag).header("Prefer", "wait=1")
                .get("/referrals/" + n.referralId());
        assertThat(answer.statusCode()).isEqualTo(304);
        assertThat(answer.header("ETag")).isEqualTo(etag);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void ifNoneMatchAloneIs304AtOnceAndAnOlderVersionGetsTheReferral() {
        Need n = needAwaitingConsent("150615A901E");
        String etag = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().extract().header("ETag");

        as(TestUsers.NURSE).header("If-None-Match", etag).get("/referrals/" + n.referralId()).then().statusCode(304);
        as(TestUsers.NURSE).header("If-None-Match", "\"999999\"").header("Prefer", "wait=5")
                .get("/referrals/" + n.referralId()).then().statusCode(200);
    }

    @Test
    void waitingDoesNotOpenTheGateForTheReceiver() {
        Need n = needAwaitingConsent("010190-900P");
        long asked = System.nanoTime();
        as(TestUsers.SOCIAL_WORKER).header("If-None-Match", "*").header("Prefer", "wait=5")
                .get("/referrals/" + n.referralId()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(4));
    }
}
