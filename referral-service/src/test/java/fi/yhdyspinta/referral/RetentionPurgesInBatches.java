package fi.yhdyspinta.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.outbox.OutboxRetention;
import io.vertx.core.Vertx;

/**
 * Published outbox rows and processed-event ids older than the retention period (7 days) are deleted, a
 * thousand rows per statement; younger ones stay, and so do quarantined rows (never published) however old.
 */
@ReferralServiceTest
class RetentionPurgesInBatches {

    private static final int OLD_PUBLISHED = 2300;
    private static final int OLD_PROCESSED = 2100;

    @Inject
    OutboxRetention retention;

    @Inject
    Vertx vertx;

    @Test
    void oldPublishedRowsAndProcessedIdsGoInBatchesTheRestStays() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "retention-" + run;
        String consumer = "retention-" + run;
        OffsetDateTime old = OffsetDateTime.now().minusDays(8);
        OffsetDateTime recent = OffsetDateTime.now().minusDays(6);
        try (Connection db = OutboxTable.database()) {
            db.setAutoCommit(false);
            outboxRows(db, topic, OLD_PUBLISHED, old, old, null);
            outboxRows(db, topic, 5, recent, recent, null);
            outboxRows(db, topic, 3, old, null, old); // quarantined a long time ago, never published
            processedEvents(db, consumer, OLD_PROCESSED, old);
            processedEvents(db, consumer, 5, recent);
            db.commit();
        }

        OutboxRetention.Purged purged = Background.run(vertx, retention::purge).toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(OLD_PUBLISHED);
        assertThat(purged.processedEvents()).isGreaterThanOrEqualTo(OLD_PROCESSED);
        // 1000 per statement: 1000 + 1000 + 300 outbox rows, 1000 + 1000 + 100 processed ids
        assertThat(purged.batches()).isGreaterThanOrEqualTo(6);
        assertThat(OutboxTable.count("select count(*) from outbox_event where topic = ? and published_at is not null"
                + " and published_at < now() - interval '7 days'", topic)).isZero();
        assertThat(OutboxTable.count("select count(*) from outbox_event where topic = ? and published_at is not null",
                topic)).isEqualTo(5);
        assertThat(OutboxTable.count("select count(*) from outbox_event where topic = ? and quarantined_at is not null",
                topic)).isEqualTo(3);
        assertThat(OutboxTable.count("select count(*) from processed_event where consumer = ?", consumer)).isEqualTo(5);
    }

    private static void outboxRows(Connection db, String topic, int rows, OffsetDateTime created,
            OffsetDateTime published, OffsetDateTime quarantined) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (event_id, event_type, topic,"
                + " event_key, payload, created_at, published_at, quarantined_at, quarantine_reason)"
                + " values (?, 'test', ?, 'key', '{}', ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic);
                insert.setObject(3, created);
                insert.setObject(4, published);
                insert.setObject(5, quarantined);
                insert.setString(6, quarantined == null ? null : "RecordTooLargeException: test");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void processedEvents(Connection db, String consumer, int rows, OffsetDateTime processed)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into processed_event (event_id, consumer, event_type, processed_at) values (?, ?, 'test', ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, consumer);
                insert.setObject(3, processed);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
