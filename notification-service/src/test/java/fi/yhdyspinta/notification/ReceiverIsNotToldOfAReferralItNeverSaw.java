package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Consent first (DESIGN §7): a referral cancelled while it still waited for consent never existed for
 * its receiver, so the receiver's inbox does not hear of it; a cancelled referral it had received does.
 */
@NotificationServiceTest
class ReceiverIsNotToldOfAReferralItNeverSaw {

    private static final String CLIENT_ID = clientIdOf("131052-9085");

    @Test
    void cancellingAWaitingReferralTellsTheReceiverNothing() {
        String waiting = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_CANCELLED, CLIENT_ID,
                healthCentreToSocialServices(waiting, CLIENT_ID, "CANCELLED", "AWAITING_CONSENT"));
        // same topic, key and partition: once the marker is in, the first has been handled
        String sent = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_CANCELLED, CLIENT_ID,
                healthCentreToSocialServices(sent, CLIENT_ID, "CANCELLED", "SENT"));
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", sent, "REFERRAL_CANCELLED");

        assertThat(item(TestUsers.SOCIAL_WORKER, "referralId", waiting, "REFERRAL_CANCELLED")).isEmpty();
    }
}
