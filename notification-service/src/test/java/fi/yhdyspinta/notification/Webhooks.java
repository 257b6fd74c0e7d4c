package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/** Shared webhook steps: an organisation of a test's own with its unit lead, subscribing, a referral to it. */
final class Webhooks {

    static final String REFERRAL_SENT = EventType.REFERRAL_SENT.type();

    private Webhooks() {
    }

    /** An organisation only one test uses (so no other test's events reach its webhooks). */
    record Organisation(String oid, TestUser lead, TestUser professional) {

        static Organisation of(String oid) {
            return new Organisation(oid, new TestUser("lead-" + oid, oid, "SOCIAL", Set.of("professional", "unit-lead"),
                    null), new TestUser("worker-" + oid, oid, "SOCIAL", Set.of("social-worker"), null));
        }
    }

    /** A subscription as answered by POST /webhooks (its secret shown this once). */
    record Subscription(String id, String secret) {
    }

    static Subscription subscribe(TestUser lead, String url, String... eventTypes) {
        JsonPath answer = as(lead).body(Map.of("url", url, "eventTypes", List.of(eventTypes))).post("/webhooks")
                .then().statusCode(201).extract().jsonPath();
        return new Subscription(answer.getString("id"), answer.getString("secret"));
    }

    /** The health centre sends a referral to {@code receiver}: referral-sent tells the receiver. */
    static String referralTo(String receiver, String clientId) {
        String referralId = UUID.randomUUID().toString();
        Scenario.publish(EventType.REFERRAL_SENT, clientId,
                Scenario.referral(referralId, clientId, TestUsers.HEALTH_CENTRE, receiver, "SENT", "AWAITING_CONSENT"));
        return referralId;
    }

    static List<WebhookReceiver.Received> awaitReceived(WebhookReceiver receiver,
            Predicate<List<WebhookReceiver.Received>> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(receiver::received, until);
    }
}
