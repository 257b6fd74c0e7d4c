package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.consentDenied;
import static fi.yhdyspinta.notification.Scenario.inbox;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Closed loop on denial (issue 6 point 4): a consent decision that denies a need reaches the organisation
 * that asked for it — the need's sender — with the reason code and the decision; never the recipient,
 * to which nothing was disclosed; once, however often the event comes.
 */
@NotificationServiceTest
class SenderIsToldOfDenial {

    private static final String HETU = "150615A901E";
    private static final String CLIENT_ID = clientIdOf(HETU);

    @Test
    void theRequestingOrganisationGetsTheReasonAndTheDecision() {
        String needId = UUID.randomUUID().toString();
        ConsentDenied denial = consentDenied(needId, CLIENT_ID, "PROHIBITION");
        publish(EventType.CONSENT_DENIED, CLIENT_ID, denial);

        assertThat(awaitItem(TestUsers.NURSE, "needId", needId, "CONSENT_DENIED"))
                .containsEntry("organisation", TestUsers.HEALTH_CENTRE)
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES)
                .containsEntry("reasonCode", "PROHIBITION")
                .containsEntry("decisionId", denial.decisionId())
                .containsEntry("purpose", "REFERRAL")
                .containsEntry("clientId", CLIENT_ID);
        assertThat(inbox(TestUsers.NURSE).toString()).doesNotContain(HETU);
        // the recipient is told nothing, nor is a third organisation
        assertThat(item(TestUsers.SOCIAL_WORKER, "needId", needId, "CONSENT_DENIED")).isEmpty();
        assertThat(item(TestUsers.HOSPITAL_NURSE, "needId", needId, "CONSENT_DENIED")).isEmpty();
    }

    @Test
    void theSameDenialDeliveredTwiceMakesOneItem() {
        String needId = UUID.randomUUID().toString();
        CloudEvent event = TestEvents.event(EventType.CONSENT_DENIED, CLIENT_ID,
                consentDenied(needId, CLIENT_ID, "REFUSED"), Scenario.CONSENT_SERVICE);
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        KafkaRecords.send(bootstrap, EventType.CONSENT_DENIED.topic(), CLIENT_ID, TestEvents.json(event));
        KafkaRecords.send(bootstrap, EventType.CONSENT_DENIED.topic(), CLIENT_ID, TestEvents.json(event));
        // same key, same partition: once the marker is in, both copies have been handled
        String marker = UUID.randomUUID().toString();
        publish(EventType.CONSENT_DENIED, CLIENT_ID, consentDenied(marker, CLIENT_ID, "NO_VALID_CONSENT"));
        assertThat(awaitItem(TestUsers.NURSE, "needId", marker, "CONSENT_DENIED"))
                .containsEntry("reasonCode", "NO_VALID_CONSENT");

        assertThat(inbox(TestUsers.NURSE)).filteredOn(i -> needId.equals(i.get("needId"))).hasSize(1)
                .allSatisfy(i -> assertThat(i).containsEntry("reasonCode", "REFUSED"));
    }
}
