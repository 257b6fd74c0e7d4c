package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * No bouncing (SHL 40 §, DESIGN §2): a decline points the client somewhere real. A suggested recipient that the
 * registry does not know, or that no longer takes part, is 400 naming {@code suggestedRecipient}, and the referral
 * stays where it was.
 */
@ReferralServiceTest
class DeclineSuggestsOnlyAnActiveOrganisation {

    @Test
    void anUnknownOrInactiveSuggestionIs400AndTheReferralStaysSent() {
        Need n = needAwaitingConsent("010190-900P");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String decline = "/referrals/" + n.referralId() + "/decline";

        as(TestUsers.SOCIAL_WORKER).body(Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", "1.2.246.10.99999.1"))
                .post(decline).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("suggestedRecipient"));
        as(TestUsers.SOCIAL_WORKER).body(Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.CLOSED_CLINIC))
                .post(decline).then().statusCode(400).body("errors.field", hasItem("suggestedRecipient"));
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("status", equalTo("SENT"));

        as(TestUsers.SOCIAL_WORKER).body(Map.of("reason", "OTHER_SERVICE_BETTER_SUITED",
                "suggestedRecipient", TestUsers.CHILD_WELFARE)).post(decline).then().statusCode(200)
                .body("status", equalTo("DECLINED"));
    }
}
