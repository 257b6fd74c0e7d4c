package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 points 1–2: after an inbox scenario — list, read, a refused read, acknowledgement — {@code GET
 * /audit/verify} (auditor, ops; nobody else) finds the chain intact, and the client's records travel on the
 * {@code audit} topic keyed by the pseudonymous client id, without the henkilötunnus anywhere on the topic.
 */
@NotificationServiceTest
class TheInboxAuditTrailVerifiesAndCarriesNoHenkilotunnus {

    @Test
    void aScenarioVerifiesAndItsPublishedRecordsNameNoHenkilotunnus() {
        String hetu = InboxAuditTable.uniqueHenkilotunnus();
        String clientId = clientIdOf(hetu);
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, clientId,
                healthCentreToSocialServices(referralId, clientId, "SENT", "AWAITING_CONSENT"));
        String id = (String) awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED")
                .get("id");
        as(TestUsers.SOCIAL_WORKER).get("/inbox/" + id).then().statusCode(200);
        as(TestUsers.NURSE).get("/inbox/" + id).then().statusCode(404);
        as(TestUsers.SOCIAL_WORKER).post("/inbox/" + id + "/ack").then().statusCode(200);

        InboxAuditTable.awaitSealedAndPublished(clientId);
        int stored = InboxAuditTable.ofClient(clientId).size();
        assertThat(stored).isGreaterThanOrEqualTo(4);

        as(TestUsers.AUDITOR).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.OPS).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.SOCIAL_WORKER).get("/audit/verify").then().statusCode(403);

        List<ConsumerRecord<String, String>> all = TestEvents.read(EventType.AUDIT_RECORDED,
                read -> read.stream().filter(r -> clientId.equals(r.key())).count() >= stored, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ofClient = all.stream().filter(r -> clientId.equals(r.key())).toList();
        assertThat(ofClient).hasSize(stored).allSatisfy(record -> {
            JsonNode data = TestEvents.tree(record.value()).path("data");
            assertThat(data.path("service").asText()).isEqualTo("notification-service");
            assertThat(data.path("resourceType").asText()).isEqualTo("INBOX_ITEM");
        });
        assertThat(ofClient).anySatisfy(record -> assertThat(TestEvents.tree(record.value()).path("data")
                .path("refusalStatus").asInt()).isEqualTo(404));
        assertThat(all).as("no henkilötunnus on the audit topic").noneSatisfy(
                record -> assertThat(record.value()).contains(hetu));
    }
}
