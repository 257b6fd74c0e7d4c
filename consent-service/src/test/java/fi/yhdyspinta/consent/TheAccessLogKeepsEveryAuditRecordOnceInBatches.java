package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * The access log is written a batch of audit records per transaction (platform BatchInbox): more records than one
 * batch holds, some of them delivered twice, and a poison record among them — every good record is kept exactly
 * once, the duplicates change nothing and are counted as such, and the poison record goes to {@code audit.dlq} with
 * its reason without holding the others back.
 */
@ConsentServiceTest
class TheAccessLogKeepsEveryAuditRecordOnceInBatches {

    private static final String TOPIC = EventType.AUDIT_RECORDED.topic();

    @Test
    void manyRecordsDuplicatesAndAPoisonOneAmongThem() throws Exception {
        String clientId = clientIdOf(newHetu());
        String poisonId = null;
        double duplicatesBefore = DeadLetterTopic.counter("yhdyspinta_inbox_events_total",
                Map.of("topic", TOPIC, "outcome", "duplicate"));

        List<CloudEvent> published = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            published.add(AuditTrailRows.publish(AuditTrailRows.record("referral-service", OffsetDateTime.now(),
                    "sub-" + i, TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientId, "REFERRAL",
                    "CONSENT", "PERMITTED", null)));
            if (i == 120) {
                // an audit record whose subject is another client than its payload's: poison
                CloudEvent good = published.get(i);
                CloudEvent poison = CloudEvent.of(java.util.UUID.randomUUID().toString(), good.source(),
                        EventType.AUDIT_RECORDED, clientIdOf(newHetu()), good.time(), good.correlationid(), null,
                        good.data());
                AuditTrailRows.send(poison);
                poisonId = poison.id();
            }
        }
        // fifty of them once more, as a redelivery after a rebalance would bring them
        published.subList(0, 50).forEach(AuditTrailRows::send);

        await().atMost(Duration.ofSeconds(60)).until(() -> rowsOf(clientId) == 250);
        assertThat(ids(clientId)).containsExactlyInAnyOrderElementsOf(published.stream().map(CloudEvent::id).toList());

        String poison = poisonId;
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.awaitRecords(EventType.AUDIT_RECORDED
                .deadLetterTopic(), records -> records.stream().anyMatch(r -> r.value().contains(poison)));
        ConsumerRecord<String, String> letter = dead.stream().filter(r -> r.value().contains(poison)).findFirst()
                .orElseThrow(() -> new AssertionError("the poison audit record is not in audit.dlq"));
        assertThat(DeadLetterTopic.header(letter, "dead-letter-reason"))
                .isEqualTo("audit-recorded subject is not the payload's clientId");
        assertThat(EventJson.mapper().readTree(letter.value()).path("id").asText()).isEqualTo(poison);

        await().atMost(Duration.ofSeconds(30)).until(() -> DeadLetterTopic.counter("yhdyspinta_inbox_events_total",
                Map.of("topic", TOPIC, "outcome", "duplicate")) >= duplicatesBefore + 50);
        assertThat(rowsOf(clientId)).isEqualTo(250);
    }

    private static int rowsOf(String clientId) throws SQLException {
        return ids(clientId).size();
    }

    private static List<String> ids(String clientId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = ConsentDatabase.connect();
                PreparedStatement query = db.prepareStatement("select id from access_log_entry where client_id = ?")) {
            query.setString(1, clientId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
