package fi.yhdyspinta.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Sealed records travel on {@code audit} keyed by the pseudonymous client id, as valid CloudEvents with their
 * chain position and hash; anchors travel on {@code audit-anchors} keyed by the service. No henkilötunnus, no
 * names; the metrics carry none either.
 */
@PlatformTest
class SealedRecordsArePublished {

    @Inject
    AuditFixture fixture;

    @Test
    void sealedRecordsArriveOnTheAuditTopicKeyedByClientAndValid() throws SQLException {
        ClientId client = AuditFixture.newClient();
        fixture.write(List.of(AuditFixture.readOf(client), AuditFixture.readOf(client), AuditFixture.readOf(client)));
        AuditFixture.awaitSealedAndAnchored();
        List<ConsumerRecord<String, String>> records = TestEvents.read(EventType.AUDIT_RECORDED,
                read -> read.stream().filter(r -> client.value().equals(r.key())).count() == 3, Duration.ofSeconds(30))
                .stream().filter(r -> client.value().equals(r.key())).toList();
        assertThat(records).hasSize(3);
        Map<String, ChainRecord> stored;
        try (Connection connection = AuditFixture.jdbc()) {
            stored = AuditFixture.chain(connection).stream().filter(r -> r.clientId().equals(client.value()))
                    .collect(Collectors.toMap(r -> r.id().toString(), Function.identity()));
        }
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = TestEvents.tree(record.value());
            assertThat(EventSchemas.eventErrors(event)).isEmpty();
            assertThat(event.path("subject").asText()).isEqualTo(client.value());
            assertThat(event.path("source").asText()).isEqualTo("/yhdyspinta/" + AuditFixture.SERVICE);
            ChainRecord sealed = stored.get(event.path("id").asText());
            assertThat(sealed).as("the CloudEvent id is the record id").isNotNull();
            JsonNode data = event.path("data");
            assertThat(data.path("position").asLong()).isEqualTo(sealed.position());
            assertThat(data.path("hash").asText()).isEqualTo(HexFormat.of().formatHex(sealed.hash()));
            assertThat(data.path("service").asText()).isEqualTo(AuditFixture.SERVICE);
            assertThat(data.path("clientId").asText()).isEqualTo(client.value());
            assertThat(data.path("action").asText()).isEqualTo("READ");
            assertThat(data.path("outcome").asText()).isEqualTo("PERMITTED");
            assertThat(record.value()).doesNotContain(TestUsers.CLIENT_HETU);
        }
        List<Long> positions = records.stream().map(r -> TestEvents.tree(r.value()).path("data").path("position")
                .asLong()).toList();
        assertThat(positions).as("one client's records in chain order on its partition").isSorted();
    }

    @Test
    void anchorsArriveOnTheirOwnTopicKeyedByTheService() {
        fixture.writeAndSeal(30);
        long anchored = AuditFixture.queryLong("select max(position) from audit_anchor where published");
        List<ConsumerRecord<String, String>> anchors = TestEvents.read(EventType.AUDIT_ANCHORED,
                read -> read.stream().anyMatch(r -> TestEvents.tree(r.value()).path("data").path("position")
                        .asLong() == anchored), Duration.ofSeconds(30));
        assertThat(anchors).isNotEmpty().allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("audit-anchors");
            assertThat(record.key()).isEqualTo(AuditFixture.SERVICE);
            JsonNode event = TestEvents.tree(record.value());
            assertThat(EventSchemas.eventErrors(event)).isEmpty();
            assertThat(event.path("subject").asText()).isEqualTo(AuditFixture.SERVICE);
        });
        JsonNode last = anchors.stream().map(r -> TestEvents.tree(r.value()).path("data"))
                .filter(d -> d.path("position").asLong() == anchored).findFirst().orElseThrow();
        String storedHash = HexFormat.of().formatHex(bytes("select hash from audit_record where position = " + anchored));
        assertThat(last.path("hash").asText()).isEqualTo(storedHash);
    }

    @Test
    void theMetricsCountTheChainWithoutPersonalData() {
        ClientId client = AuditFixture.newClient();
        fixture.write(List.of(AuditFixture.readOf(client)));
        AuditFixture.awaitSealedAndAnchored();
        AuditFixture.sleep(1500); // the gauges are refreshed every poll interval
        Verify.asAuditor();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("audit_records_written_total", "audit_chain_length", "audit_unsealed",
                "audit_verify_last_ok").doesNotContain(client.value());
        assertThat(metrics.lines().filter(line -> line.startsWith("audit_verify_last_ok")))
                .singleElement().satisfies(line -> assertThat(line).endsWith(" 1.0"));
        double length = metrics.lines().filter(line -> line.startsWith("audit_chain_length"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow();
        assertThat((long) length).isPositive();
    }

    private static byte[] bytes(String sql) {
        try (Connection connection = AuditFixture.jdbc(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBytes(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
