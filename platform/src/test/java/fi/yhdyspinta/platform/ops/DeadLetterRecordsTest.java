package fi.yhdyspinta.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What ops see of a dead letter: where it lies and why, the event's id, type and subject — never its data. */
class DeadLetterRecordsTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"0b7f5b8e-3f7c-4a39-9a53-5f0d3c7e1a11","source":"/yhdyspinta/referral-service",
             "type":"fi.yhdyspinta.need.identified.v1","subject":"c0ffee","time":"2026-01-01T10:00:00Z",
             "datacontenttype":"application/json","data":{"needId":"secret-need","clientId":"c0ffee",
             "category":"MENTAL_HEALTH"}}""";

    @Test
    void showsPlaceReasonAndEnvelopeButNotTheData() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes("handler-failed: io.vertx.pgclient.PgException"));
        headers.add("dead-letter-topic", bytes("needs"));
        headers.add("dead-letter-partition", bytes("2"));
        headers.add("dead-letter-offset", bytes("41"));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("needs.dlq", 1, 7, 1_767_261_600_000L,
                TimestampType.CREATE_TIME, 6, EVENT.length(), bytes("c0ffee"), bytes(EVENT), headers, Optional.empty());

        DeadLetterView view = DeadLetterRecords.view("needs", record);

        assertThat(view.topic()).isEqualTo("needs");
        assertThat(view.deadLetterTopic()).isEqualTo("needs.dlq");
        assertThat(view.partition()).isEqualTo(1);
        assertThat(view.offset()).isEqualTo(7);
        assertThat(view.time()).isNotNull();
        assertThat(view.originalPartition()).isEqualTo(2);
        assertThat(view.originalOffset()).isEqualTo(41);
        assertThat(view.eventId()).isEqualTo("0b7f5b8e-3f7c-4a39-9a53-5f0d3c7e1a11");
        assertThat(view.eventType()).isEqualTo("fi.yhdyspinta.need.identified.v1");
        assertThat(view.subject()).isEqualTo("c0ffee");
        assertThat(view.reason()).isEqualTo("handler-failed: io.vertx.pgclient.PgException");
        assertThat(new ObjectMapper().findAndRegisterModules().writeValueAsString(view))
                .doesNotContain("secret-need").doesNotContain("MENTAL_HEALTH").doesNotContain("data");
    }

    @Test
    void aRecordThatIsNotAnEventShowsItsKeyMaskedAndNoEnvelope() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes("record value is not JSON"));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("needs.dlq", 0, 3, 0L, TimestampType.CREATE_TIME, 0,
                0, bytes("131052-9085"), bytes("poison 131052-9085"), headers, Optional.empty());

        DeadLetterView view = DeadLetterRecords.view("needs", record);

        assertThat(view.subject()).isEqualTo("[masked]");
        assertThat(view.eventId()).isNull();
        assertThat(view.eventType()).isNull();
        assertThat(view.reason()).isEqualTo("record value is not JSON");
        assertThat(DeadLetterRecords.safe("x".repeat(1000))).hasSize(301);
    }

    @Test
    void aUuidWhoseLastGroupLooksLikeAHenkilotunnusIsNotMasked() {
        // "120383c28269" holds 120383C2826 — a henkilötunnus shape (century sign C) inside a longer run: an event id
        assertThat(DeadLetterRecords.safe("9885e478-e63b-4d94-bc26-120383c28269"))
                .isEqualTo("9885e478-e63b-4d94-bc26-120383c28269");
        assertThat(DeadLetterRecords.safe("client 150615A901E, again 150615a901e."))
                .isEqualTo("client [masked], again [masked].");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
