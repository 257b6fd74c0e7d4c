package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.notification.WebhookReceiver.Received;
import fi.yhdyspinta.testsupport.time.MovableClock;

/**
 * Rotating a secret answers the new one once; during the overlap (1 h in tests) a delivery carries two signatures,
 * one per secret, so the receiver may switch at its pace; after it only the new secret signs.
 */
@NotificationServiceTest
class RotationSignsWithBothSecretsDuringTheOverlap {

    private static final Webhooks.Organisation TERVEYSASEMA = Webhooks.Organisation.of("1.2.246.10.2345678.50.7");

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void bothSecretsSignDuringTheOverlapThenOnlyTheNew() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Webhooks.Subscription subscription = Webhooks.subscribe(TERVEYSASEMA.lead(), receiver.url(),
                    Webhooks.REFERRAL_SENT);
            String newSecret = as(TERVEYSASEMA.lead()).post("/webhooks/" + subscription.id() + "/secret").then()
                    .statusCode(200)
                    .body("previousSecretValidUntil", notNullValue())
                    .extract().jsonPath().getString("secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(subscription.secret());

            String clientId = clientIdOf("131052-9085");
            Webhooks.referralTo(TERVEYSASEMA.oid(), clientId);
            Received duringOverlap = Webhooks.awaitReceived(receiver, r -> r.size() == 1).get(0);
            assertThat(duringOverlap.signatures()).hasSize(2);
            assertThat(WebhookReceiver.signedWith(duringOverlap, subscription.secret())).isTrue();
            assertThat(WebhookReceiver.signedWith(duringOverlap, newSecret)).isTrue();

            MovableClock.moveBy(Duration.ofMinutes(61));
            Webhooks.referralTo(TERVEYSASEMA.oid(), clientId);
            Received afterOverlap = Webhooks.awaitReceived(receiver, r -> r.size() == 2).get(1);
            assertThat(afterOverlap.signatures()).hasSize(1);
            assertThat(WebhookReceiver.signedWith(afterOverlap, newSecret)).isTrue();
            assertThat(WebhookReceiver.signedWith(afterOverlap, subscription.secret())).isFalse();
        }
    }
}
