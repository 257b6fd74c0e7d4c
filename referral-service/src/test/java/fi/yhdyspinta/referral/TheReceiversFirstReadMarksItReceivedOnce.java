package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.Response;

/**
 * RECEIVED (issue 9 point 2): the receiving organisation's first successful read of a SENT referral moves it to
 * RECEIVED — once, even when several of its workers open it at the same moment; a lost race is no error for the
 * reader. The sender's reads, and reads by anyone else, change nothing; the sender sees RECEIVED.
 */
@ReferralServiceTest
class TheReceiversFirstReadMarksItReceivedOnce {

    @Test
    void concurrentFirstReadsMakeOneTransitionAndOneEvent() throws Exception {
        Need n = needAwaitingConsent("010190-900P");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200).body("status", equalTo("SENT"));
        as(TestUsers.HOSPITAL_NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);

        List<CompletableFuture<Response>> reads = IntStream.range(0, 6).mapToObj(i -> CompletableFuture
                .supplyAsync(() -> as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()))).toList();
        for (CompletableFuture<Response> read : reads) {
            Response answer = read.get();
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("RECEIVED");
        }

        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        List<String> steps = as(TestUsers.NURSE).get("/referrals/" + n.referralId() + "/history").then()
                .statusCode(200).extract().jsonPath().getList("to");
        assertThat(steps).containsExactly("AWAITING_CONSENT", "SENT", "RECEIVED");
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_RECEIVED, n.referralId(), 2)).hasSize(1);

        // later reads and actions do not move it again
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().body("status", equalTo("RECEIVED"));
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aReferralAwaitingConsentIsNotReceivedByAnyRead() {
        Need n = needAwaitingConsent("131052-9085");
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("AWAITING_CONSENT"));
    }
}
