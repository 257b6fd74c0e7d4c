package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.need;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.referral.service.DeadlineWatch;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Deadlines by urgency (issue 9 point 4), with the application's clock moved forward: a SENT referral gets its
 * answer deadline (ROUTINE 21 days, URGENT 1 day); unanswered past it, it is marked overdue once with one
 * {@code referral-overdue}; still unanswered after the 14-day grace it becomes EXPIRED ({@code referral-expired},
 * a SYSTEM transition with reason DEADLINE_PASSED). The sender re-routes it, once; the receiver may not.
 */
@ReferralServiceTest
class UnansweredReferralsGoOverdueThenExpire {

    @Inject
    MovableClock clock;

    @Inject
    DeadlineWatch watch;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void check() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> watch.check());
    }

    @Test
    void overdueOnceThenExpiredThenReroutedBySender() throws Throwable {
        Need n = needAwaitingConsent("010190-900P");
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        JsonPath sent = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("dueAt", notNullValue()).body("overdueAt", nullValue()).extract().jsonPath();
        OffsetDateTime dueAt = OffsetDateTime.parse(sent.getString("dueAt"));
        assertThat(dueAt).isBetween(OffsetDateTime.now().plusDays(21).minusMinutes(5),
                OffsetDateTime.now().plusDays(21).plusMinutes(1));

        clock.advance(Duration.ofDays(22));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            check();
            as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("overdueAt", notNullValue())
                    .body("status", equalTo("SENT"));
        });
        check();
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_OVERDUE, n.referralId(), 2)).hasSize(1);
        as(TestUsers.NURSE).queryParam("direction", "sent").queryParam("overdue", "true").queryParam("limit", 200)
                .queryParam("sort", "dueAt").get("/referrals").then().statusCode(200).body("id", hasItem(n.referralId()));

        clock.advance(Duration.ofDays(14));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            check();
            as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("status", equalTo("EXPIRED"));
        });
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_EXPIRED, n.referralId(), 1)).hasSize(1);
        JsonPath history = as(TestUsers.NURSE).get("/referrals/" + n.referralId() + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("to", String.class)).containsExactly("AWAITING_CONSENT", "SENT", "EXPIRED");
        assertThat(history.getString("[2].actorRole")).isEqualTo("SYSTEM");
        assertThat(history.getString("[2].actorOrganisation")).isNull();
        assertThat(history.getString("[2].reasonCode")).isEqualTo("DEADLINE_PASSED");

        // the receiver may not re-route, nor act on an expired referral
        as(TestUsers.SOCIAL_WORKER).body(Map.of("targetOrganisation", TestUsers.NGO))
                .post("/referrals/" + n.referralId() + "/reroute").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(409)
                .body("currentStatus", equalTo("EXPIRED"));
        as(TestUsers.NURSE).body(Map.of("targetOrganisation", TestUsers.HEALTH_CENTRE))
                .post("/referrals/" + n.referralId() + "/reroute").then().statusCode(400)
                .body("errors.field", hasItem("targetOrganisation"));

        String rerouted = as(TestUsers.NURSE).body(Map.of("targetOrganisation", TestUsers.NGO))
                .post("/referrals/" + n.referralId() + "/reroute").then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT")).body("receiverOrganisation", equalTo(TestUsers.NGO))
                .body("forwardedFrom", equalTo(n.referralId())).extract().path("id");
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("forwardedTo", equalTo(rerouted));
        as(TestUsers.NGO_WORKER).get("/referrals/" + rerouted).then().statusCode(404);
        as(TestUsers.NURSE).body(Map.of("targetOrganisation", TestUsers.CHILD_WELFARE))
                .post("/referrals/" + n.referralId() + "/reroute").then().statusCode(409);
    }

    @Test
    void anUrgentReferralIsDueInADayAndAnAnsweredOneNeverGoesOverdue() throws Throwable {
        Map<String, Object> urgent = new HashMap<>(need("131052-9085", TestUsers.SOCIAL_SERVICES));
        urgent.put("urgency", "URGENT");
        Need n = needAwaitingConsent(TestUsers.NURSE, urgent, TestUsers.SOCIAL_SERVICES);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        JsonPath view = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().extract().jsonPath();
        JsonPath history = as(TestUsers.NURSE).get("/referrals/" + n.referralId() + "/history").then().extract()
                .jsonPath();
        assertThat(OffsetDateTime.parse(view.getString("dueAt")).toInstant())
                .isEqualTo(OffsetDateTime.parse(history.getString("[1].at")).plusDays(1).toInstant());

        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(200);
        clock.advance(Duration.ofDays(60));
        check();
        check();
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().body("status", equalTo("ACCEPTED"))
                .body("overdueAt", nullValue());
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_OVERDUE, n.referralId(), 1)).isEmpty();
        assertThat(List.of(n.referralId())).isNotEmpty();
    }
}
