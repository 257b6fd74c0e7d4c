package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.notification.WebhookReceiver.Received;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.time.MovableClock;

/**
 * A receiver that answers 500 for a while gets the delivery again after the backoff (the movable clock skips the
 * waits), and one client's later events wait meanwhile: they arrive after it, in the order they happened.
 */
@NotificationServiceTest
class OneClientsWebhookDeliveriesArriveInOrderThroughRetries {

    private static final Webhooks.Organisation SOSIAALITOIMI = Webhooks.Organisation.of("1.2.246.10.2345678.50.2");

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void laterEventsOfTheClientWaitWhileTheFirstIsRetried() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(n -> n <= 3 ? 500 : 204);
            Webhooks.Subscription subscription = Webhooks.subscribe(SOSIAALITOIMI.lead(), receiver.url(),
                    Webhooks.REFERRAL_SENT);
            String clientId = clientIdOf("010190-900P");
            List<String> referrals = List.of(Webhooks.referralTo(SOSIAALITOIMI.oid(), clientId),
                    Webhooks.referralTo(SOSIAALITOIMI.oid(), clientId),
                    Webhooks.referralTo(SOSIAALITOIMI.oid(), clientId));

            for (int failed = 1; failed <= 3; failed++) {
                int seen = failed;
                Webhooks.awaitReceived(receiver, r -> r.size() >= seen);
                // no second try before the backoff has passed on the service's clock
                Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> receiver.received().size() == seen);
                MovableClock.moveBy(Duration.ofMinutes(11));
            }
            List<Received> all = Webhooks.awaitReceived(receiver, r -> r.size() >= 6);

            // the three failures were the first event's, tried again with the same webhook-id
            List<String> firstTries = all.subList(0, 4).stream().map(Received::id).distinct().toList();
            assertThat(firstTries).hasSize(1);
            assertThat(all.subList(0, 3)).allMatch(r -> r.answered() == 500);
            assertThat(referralIdsOf(receiver.accepted())).isEqualTo(referrals);
            assertThat(receiver.accepted()).allMatch(r -> WebhookReceiver.signedWith(r, subscription.secret()));
            assertThat(all).hasSize(6);
        }
    }

    private static List<String> referralIdsOf(List<Received> received) {
        return received.stream().map(r -> TestEvents.tree(r.body()).path("data").path("referralId").asText()).toList();
    }
}
