package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * History (issue 9 point 5): every transition of a referral — creation, the consent decision's SENT, the
 * receiver's first read, accept, start, complete — with its time, actor organisation and role (SYSTEM for the
 * consent decision) and reason code; visible to whoever may see the referral, to no one else (404), and not to
 * the receiver before the permit.
 */
@ReferralServiceTest
class HistoryListsEveryTransitionWithItsActor {

    @Test
    void everyStepWithWhoWhenAndWhy() {
        Need n = needAwaitingConsent("010190-900P");
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId() + "/history").then().statusCode(404);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String path = "/referrals/" + n.referralId();
        as(TestUsers.SOCIAL_WORKER).get(path).then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post(path + "/accept").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post(path + "/start").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).body(Map.of("outcome", "SERVICE_PROVIDED")).post(path + "/complete").then()
                .statusCode(200);

        for (var reader : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER)) {
            JsonPath history = as(reader).get(path + "/history").then().statusCode(200).extract().jsonPath();
            assertThat(history.getList("to", String.class)).containsExactly("AWAITING_CONSENT", "SENT", "RECEIVED",
                    "ACCEPTED", "IN_PROGRESS", "COMPLETED");
            assertThat(Arrays.asList(history.getString("[0].from"), history.getString("[1].from"),
                    history.getString("[5].from"))).containsExactly(null, "AWAITING_CONSENT", "IN_PROGRESS");
            assertThat(history.getList("actorOrganisation", String.class)).containsExactly(TestUsers.HEALTH_CENTRE,
                    null, TestUsers.SOCIAL_SERVICES, TestUsers.SOCIAL_SERVICES, TestUsers.SOCIAL_SERVICES,
                    TestUsers.SOCIAL_SERVICES);
            assertThat(history.getList("actorRole", String.class)).containsExactly("health-professional", "SYSTEM",
                    "social-worker", "social-worker", "social-worker", "social-worker");
            assertThat(history.getString("[1].reasonCode")).isEqualTo("CONSENT_PERMITTED");
            assertThat(history.getString("[5].reasonCode")).isEqualTo("SERVICE_PROVIDED");
            assertThat(history.getList("at")).doesNotContainNull();
        }
        as(TestUsers.HOSPITAL_NURSE).get(path + "/history").then().statusCode(404);
        as(TestUsers.NGO_WORKER).get(path + "/history").then().statusCode(404);
        as(TestUsers.CLIENT).get(path + "/history").then().statusCode(403);
    }
}
