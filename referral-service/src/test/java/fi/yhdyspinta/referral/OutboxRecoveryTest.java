package fi.yhdyspinta.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * A crash between the database commit and the send must not lose the event: whatever the outbox
 * holds unpublished — here a row committed by a process that died before relaying it — goes out.
 */
@ReferralServiceTest
class OutboxRecoveryTest {

    private static final String CLIENT_ID = "3f2b6c1d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c";

    @Test
    void anEventCommittedButNeverSentIsPublishedAndMarked() throws SQLException {
        NeedIdentified need = new NeedIdentified(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                CLIENT_ID, "HOUSING", TestUsers.HEALTH_CENTRE, "HEALTH", "SOCIAL", TestUsers.SOCIAL_SERVICES,
                "URGENT", "REFERRAL", List.of("NEED_SUMMARY"));
        CloudEvent event = TestEvents.event(EventType.NEED_IDENTIFIED, CLIENT_ID, need, "/yhdyspinta/referral-service");
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement(
                "insert into outbox_event (event_id, topic, event_key, payload, created_at) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, EventType.NEED_IDENTIFIED.topic());
            insert.setString(3, CLIENT_ID);
            insert.setString(4, TestEvents.json(event));
            insert.setObject(5, OffsetDateTime.now());
            insert.executeUpdate();
        }

        var published = KafkaRecords.readUntil(TestInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventType.NEED_IDENTIFIED.topic()), rs -> rs.stream().anyMatch(r -> r.value().contains(
                        event.id())), Duration.ofSeconds(15));
        assertThat(published).filteredOn(r -> r.value().contains(event.id())).hasSize(1)
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(CLIENT_ID));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publishedAt(event.id())).isNotNull());
    }

    private static Object publishedAt(String eventId) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select published_at from outbox_event where event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("referral"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
