package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.Response;

/**
 * Two workers of the receiving organisation accept the same referral at once: one 200, the other 409 (the
 * version check, or the lifecycle once the first committed) — never two acceptances, never a 500.
 */
@ReferralServiceTest
class TwoParallelAcceptsOneWins {

    @Test
    void oneAcceptanceOneConflict() throws Exception {
        for (int round = 0; round < 3; round++) {
            Need n = needAwaitingConsent("010190-900P");
            grantAndAwaitSent(n, BOTH, UUID.randomUUID());
            List<CompletableFuture<Response>> accepts = List.of(
                    CompletableFuture.supplyAsync(() -> as(TestUsers.SOCIAL_WORKER)
                            .post("/referrals/" + n.referralId() + "/accept")),
                    CompletableFuture.supplyAsync(() -> as(TestUsers.SOCIAL_WORKER)
                            .post("/referrals/" + n.referralId() + "/accept")));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (CompletableFuture<Response> accept : accepts) {
                statuses.add(accept.get().statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_ACCEPTED, n.referralId(), 2)).hasSize(1);
        }
    }
}
