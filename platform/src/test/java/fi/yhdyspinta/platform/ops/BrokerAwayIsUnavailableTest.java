package fi.yhdyspinta.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * With the broker away, reading or re-driving dead letters fails as "unavailable" (503 with
 * Retry-After), within seconds — not as an internal error, and not after a minute.
 */
class BrokerAwayIsUnavailableTest {

    @Test
    void readingTheDeadLettersOfAnUnreachableBrokerIsUnavailable() throws IOException {
        DeadLetterReader reader = new DeadLetterReader(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort()), 100,
                "test");
        long started = System.nanoTime();
        assertThatThrownBy(() -> reader.readAll("needs.dlq")).isInstanceOf(BrokerUnavailableException.class);
        assertThatThrownBy(() -> reader.read("needs.dlq", 0, 0)).isInstanceOf(BrokerUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void reDrivingToAnUnreachableBrokerIsUnavailable() throws IOException {
        DeadLetterPublisher publisher = new DeadLetterPublisher(
                Map.of("bootstrap.servers", "127.0.0.1:" + closedPort()), "test");
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("needs.dlq", 0, 0, 0L, TimestampType.CREATE_TIME, 0,
                0, new byte[] { 1 }, new byte[] { 2 }, new RecordHeaders(), Optional.empty());
        try {
            assertThatThrownBy(() -> publisher.publish("needs", letter)).isInstanceOf(BrokerUnavailableException.class);
        } finally {
            publisher.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
