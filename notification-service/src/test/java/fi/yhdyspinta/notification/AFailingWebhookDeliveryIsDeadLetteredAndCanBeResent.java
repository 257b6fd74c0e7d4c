package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import fi.yhdyspinta.testsupport.time.MovableClock;
import io.restassured.RestAssured;

/**
 * A delivery still failing after the dead-letter window (1 h in tests) is DEAD: counted, shown in the ops view
 * ({@code status=DEAD}) and re-sendable by ops or the owning unit lead — not by another organisation's.
 */
@NotificationServiceTest
class AFailingWebhookDeliveryIsDeadLetteredAndCanBeResent {

    private static final Webhooks.Organisation PERHEKESKUS = Webhooks.Organisation.of("1.2.246.10.2345678.50.3");
    private static final Webhooks.Organisation NEIGHBOUR = Webhooks.Organisation.of("1.2.246.10.2345678.50.4");

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void deadAfterTheWindowThenResentAndDelivered() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(n -> 503);
            Webhooks.subscribe(PERHEKESKUS.lead(), receiver.url(), Webhooks.REFERRAL_SENT);
            String referralId = Webhooks.referralTo(PERHEKESKUS.oid(), clientIdOf("131052-9085"));
            Webhooks.awaitReceived(receiver, r -> r.size() >= 1);
            double deadBefore = deadCount();

            MovableClock.moveBy(Duration.ofMinutes(61));
            Map<String, Object> dead = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadOf(), d -> d != null);
            assertThat(dead.get("failure")).isEqualTo("HTTP_503");
            assertThat((Integer) dead.get("attempts")).isEqualTo(2);
            assertThat(deadCount()).isGreaterThan(deadBefore);
            String id = (String) dead.get("id");

            // another organisation's unit lead neither sees nor re-sends it; a professional may not at all
            as(NEIGHBOUR.lead()).get("/webhooks/deliveries?status=DEAD").then().statusCode(200)
                    .body("id", not(hasItem(id)));
            as(NEIGHBOUR.lead()).post("/webhooks/deliveries/" + id + "/resend").then().statusCode(404)
                    .contentType("application/problem+json");
            as(PERHEKESKUS.professional()).post("/webhooks/deliveries/" + id + "/resend").then().statusCode(403);
            as(PERHEKESKUS.professional()).get("/webhooks/deliveries?status=DEAD").then().statusCode(403);
            as(PERHEKESKUS.lead()).get("/webhooks/deliveries?status=GONE").then().statusCode(400)
                    .body("errors.field", hasItem("status"));

            receiver.answer(n -> 200);
            as(TestUsers.OPS).post("/webhooks/deliveries/" + id + "/resend").then().statusCode(200)
                    .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
            Webhooks.awaitReceived(receiver, r -> !receiver.accepted().isEmpty());
            assertThat(TestEvents.tree(receiver.accepted().get(0).body()).path("data").path("referralId").asText())
                    .isEqualTo(referralId);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(PERHEKESKUS.lead())
                    .get("/webhooks/deliveries?status=DELIVERED").then().statusCode(200).body("id", hasItem(id)));
            // a delivered one is not re-sent again
            as(PERHEKESKUS.lead()).post("/webhooks/deliveries/" + id + "/resend").then().statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    /** The ops view's DEAD delivery of the organisation (it has only the one), if it is dead yet. */
    private static Map<String, Object> deadOf() {
        List<Map<String, Object>> dead = as(TestUsers.OPS).get("/webhooks/deliveries?status=DEAD").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.organisation == '"
                        + PERHEKESKUS.oid() + "' }");
        return dead.isEmpty() ? null : dead.get(0);
    }

    private static double deadCount() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("yhdyspinta_webhook_deliveries_total{")
                && l.contains("outcome=\"dead\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
