package fi.yhdyspinta.platform.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.time.MovableClock;

/**
 * STM decree 298/2009: a document the archive has not acknowledged within five days raises archive-overdue once per
 * version, counts in the ops gauges, and an acknowledged one does not. The archive topic carries ids and codes only:
 * never the henkilötunnus that the bundle holds.
 */
@PlatformTest
class AnUnacknowledgedDocumentRaisesAnAlertAfterFiveDays {

    @Inject
    ArchiveFixture fixture;

    @AfterEach
    void realTimeAgain() {
        MovableClock.reset();
    }

    @Test
    void theAlertFiresOnceWithAMovedClockAndNeverForAnAcknowledgedDocument() {
        ClientId client = ArchiveFixture.newClient();
        UUID late = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        fixture.record(ArchiveFixture.draft(late, client, ArchiveRegister.HEALTH, "active"));
        fixture.record(ArchiveFixture.draft(archived, client, ArchiveRegister.SOCIAL, "active"));
        ArchiveFixture.asArchive().contentType("application/json").body(Map.of("archiveId", "kanta-1", "version", 1))
                .post("/archive/documents/" + archived + "/ack").then().statusCode(200);

        fixture.checkOverdue();
        assertThat(overdueEvents(client, Duration.ofSeconds(3))).as("not yet: within five days").isEmpty();

        MovableClock.moveBy(Duration.ofDays(5).plusMinutes(1));
        fixture.checkOverdue();
        fixture.checkOverdue();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "archive_overdue_documents")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "archive_backlog")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "archive_oldest_unacknowledged_seconds")).isGreaterThan(5 * 24 * 3600);
        assertThat(metrics).doesNotContain(client.value()).doesNotContain(ArchiveFixture.HETU);

        List<ConsumerRecord<String, String>> overdue = overdueEvents(client, Duration.ofSeconds(30));
        assertThat(overdue).as("once, for the unacknowledged version only").singleElement().satisfies(record -> {
            JsonNode event = TestEvents.tree(record.value());
            assertThat(EventSchemas.eventErrors(event)).isEmpty();
            assertThat(record.key()).isEqualTo(client.value());
            assertThat(event.path("data").path("documentId").asText()).isEqualTo(late.toString());
            assertThat(event.path("data").path("register").asText()).isEqualTo("HEALTH");
        });
    }

    @Test
    void theArchiveTopicCarriesNoHenkilotunnus() {
        ClientId client = ArchiveFixture.newClient();
        fixture.record(ArchiveFixture.draft(UUID.randomUUID(), client, ArchiveRegister.HEALTH, "active"));
        List<ConsumerRecord<String, String>> ready = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of("archive"),
                read -> read.stream().anyMatch(r -> client.value().equals(r.key())), Duration.ofSeconds(30));
        assertThat(ready.stream().filter(r -> client.value().equals(r.key()))).singleElement()
                .satisfies(record -> assertThat(EventSchemas.eventErrors(TestEvents.tree(record.value()))).isEmpty());
        assertThat(ready).as("every record on the archive topic").isNotEmpty()
                .allSatisfy(record -> assertThat(record.value()).doesNotContain(ArchiveFixture.HETU)
                        .doesNotContain("1.2.246.21").doesNotContain("Bundle"));
    }

    private static List<ConsumerRecord<String, String>> overdueEvents(ClientId client, Duration wait) {
        return TestEvents.read(EventType.ARCHIVE_OVERDUE,
                read -> read.stream().anyMatch(r -> client.value().equals(r.key())), wait)
                .stream().filter(r -> client.value().equals(r.key())).toList();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in /q/metrics"));
    }
}
