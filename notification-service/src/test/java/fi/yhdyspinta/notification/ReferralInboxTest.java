package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.awaitRecord;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.inbox;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** Referral steps reach the right organisation's inbox, once, and the sender always hears back. */
@NotificationServiceTest
class ReferralInboxTest {

    private static final String HETU = "131052-9085";
    private static final String CLIENT_ID = clientIdOf(HETU);

    @Test
    void sentReferralReachesTheReceiversInboxOnlyAndIsAnnouncedAsDelivered() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SENT", "AWAITING_CONSENT"));

        Map<String, Object> item = awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED");
        assertThat(item)
                .containsEntry("organisation", TestUsers.SOCIAL_SERVICES)
                .containsEntry("counterpartOrganisation", TestUsers.HEALTH_CENTRE)
                .containsEntry("clientId", CLIENT_ID)
                .containsEntry("referralStatus", "SENT")
                .containsEntry("acknowledged", false)
                .containsKeys("id", "createdAt", "sourceEventId");
        assertThat(item.toString()).doesNotContain(HETU);
        assertThat(item(TestUsers.NURSE, "referralId", referralId, "REFERRAL_RECEIVED")).isEmpty();
        assertThat(inbox(TestUsers.NGO_WORKER)).noneMatch(i -> referralId.equals(i.get("referralId")));

        String notificationId = (String) item.get("id");
        ConsumerRecord<String, String> delivered = awaitRecord(EventType.NOTIFICATION_DELIVERED,
                e -> notificationId.equals(e.path("data").path("notificationId").asText()), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no notification-delivered for " + notificationId));
        JsonNode event = TestEvents.tree(delivered.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("data").path("channel").asText()).isEqualTo("INBOX");
        assertThat(event.path("data").path("notificationType").asText()).isEqualTo("REFERRAL_RECEIVED");
        assertThat(event.path("data").path("recipientOrganisation").asText()).isEqualTo(TestUsers.SOCIAL_SERVICES);
        assertThat(event.path("causationid").asText()).isEqualTo(item.get("sourceEventId"));
        assertThat(delivered.key()).isEqualTo(CLIENT_ID);
        assertThat(delivered.value()).doesNotContain(HETU);
    }

    @Test
    void completedReferralClosesTheLoopToTheSender() {
        String referralId = UUID.randomUUID().toString();
        ReferralStatusChanged completed = new ReferralStatusChanged(referralId, null, CLIENT_ID,
                TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES, "MENTAL_HEALTH", "COMPLETED", "IN_PROGRESS",
                UUID.randomUUID().toString(), "SERVICE_PROVIDED", null, null);
        publish(EventType.REFERRAL_COMPLETED, CLIENT_ID, completed);

        Map<String, Object> item = awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_COMPLETED");
        assertThat(item).containsEntry("outcome", "SERVICE_PROVIDED").containsEntry("referralStatus", "COMPLETED");
        // every professional of the organisation sees the organisation's inbox
        assertThat(item(TestUsers.DOCTOR, "referralId", referralId, "REFERRAL_COMPLETED")).isPresent();
        assertThat(item(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_COMPLETED")).isEmpty();
    }

    @Test
    void declinedReferralTellsTheSenderWhyAndWhereToInstead() {
        String referralId = UUID.randomUUID().toString();
        ReferralStatusChanged declined = new ReferralStatusChanged(referralId, null, CLIENT_ID,
                TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES, "MENTAL_HEALTH", "DECLINED", "SENT",
                UUID.randomUUID().toString(), null, "OTHER_SERVICE_BETTER_SUITED", TestUsers.NGO);
        publish(EventType.REFERRAL_DECLINED, CLIENT_ID, declined);

        assertThat(awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_DECLINED"))
                .containsEntry("reasonCode", "OTHER_SERVICE_BETTER_SUITED")
                .containsEntry("suggestedRecipient", TestUsers.NGO);
    }

    @Test
    void suspensionReachesBothParties() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SUSPENDED, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SUSPENDED", "ACCEPTED"));

        awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_SUSPENDED");
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_SUSPENDED");
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneItem() {
        String referralId = UUID.randomUUID().toString();
        CloudEvent event = TestEvents.event(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SENT", "AWAITING_CONSENT"),
                Scenario.REFERRAL_SERVICE);
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        KafkaRecords.send(bootstrap, EventType.REFERRAL_SENT.topic(), CLIENT_ID, TestEvents.json(event));
        KafkaRecords.send(bootstrap, EventType.REFERRAL_SENT.topic(), CLIENT_ID, TestEvents.json(event));
        // same key, same partition: once the marker is in, both copies have been handled
        String marker = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(marker, CLIENT_ID, "SENT", "AWAITING_CONSENT"));
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", marker, "REFERRAL_RECEIVED");

        assertThat(inbox(TestUsers.SOCIAL_WORKER)).filteredOn(i -> referralId.equals(i.get("referralId")))
                .hasSize(1);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithAReason() {
        String poison = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
        KafkaRecords.send(TestInfrastructure.get().kafka().bootstrapServers(), EventType.REFERRAL_SENT.topic(),
                "poison", poison);

        ConsumerRecord<String, String> dead = KafkaRecords.readUntil(TestInfrastructure.get().kafka().bootstrapServers(),
                java.util.List.of(EventType.REFERRAL_SENT.deadLetterTopic()),
                rs -> rs.stream().anyMatch(r -> poison.equals(r.value())), Duration.ofSeconds(20))
                .stream().filter(r -> poison.equals(r.value())).findFirst()
                .orElseThrow(() -> new AssertionError("poison record not on " + EventType.REFERRAL_SENT.deadLetterTopic()));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).as("dead-letter-reason header").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isEqualTo("record has no CloudEvents type");
    }
}
