package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.TestEvents;

/**
 * A webhook hears only of events that concern its own organisation (the inbox's audience rules): a referral to one
 * organisation reaches that organisation's webhook and never another's subscribed to the same event type.
 */
@NotificationServiceTest
class AnotherOrganisationsWebhookNeverHearsOfThisOrganisationsEvents {

    private static final Webhooks.Organisation NUORISOPALVELUT = Webhooks.Organisation.of("1.2.246.10.2345678.50.5");
    private static final Webhooks.Organisation VAMMAISPALVELUT = Webhooks.Organisation.of("1.2.246.10.2345678.50.6");

    @Test
    void eachOrganisationsWebhookHearsOnlyItsOwnReferrals() {
        try (WebhookReceiver youth = new WebhookReceiver(); WebhookReceiver disability = new WebhookReceiver()) {
            Webhooks.subscribe(NUORISOPALVELUT.lead(), youth.url(), Webhooks.REFERRAL_SENT);
            Webhooks.subscribe(VAMMAISPALVELUT.lead(), disability.url(), Webhooks.REFERRAL_SENT,
                    "fi.yhdyspinta.referral.accepted.v1");
            String clientId = clientIdOf("010190-900P");

            String toYouth = Webhooks.referralTo(NUORISOPALVELUT.oid(), clientId);
            Webhooks.awaitReceived(youth, r -> r.size() == 1);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> disability.received().isEmpty());

            String toDisability = Webhooks.referralTo(VAMMAISPALVELUT.oid(), clientId);
            Webhooks.awaitReceived(disability, r -> r.size() == 1);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> youth.received().size() == 1);

            assertThat(referralOf(youth)).isEqualTo(toYouth);
            assertThat(referralOf(disability)).isEqualTo(toDisability);
        }
    }

    private static String referralOf(WebhookReceiver receiver) {
        return TestEvents.tree(receiver.received().get(0).body()).path("data").path("referralId").asText();
    }
}
