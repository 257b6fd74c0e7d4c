package fi.yhdyspinta.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * Readiness says DOWN, within its timeout, when the broker refuses connections (stopped) and when it
 * accepts them but never answers (paused, hung) — which the channels' connection-count checks miss.
 */
class BrokerReadinessTest {

    @Test
    void aBrokerThatRefusesConnectionsIsDown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertDownWithinTimeout(port);
    }

    @Test
    void aBrokerThatAcceptsButNeverAnswersIsDown() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // and never a byte back, like a paused broker
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertDownWithinTimeout(silent.getLocalPort());
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static void assertDownWithinTimeout(int port) {
        BrokerReadiness readiness = new BrokerReadiness(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                Duration.ofMillis(1500), "test");
        try {
            long started = System.nanoTime();
            HealthCheckResponse response = readiness.call().await().atMost(Duration.ofSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getName()).isEqualTo("Kafka broker");
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        } finally {
            readiness.close();
        }
    }
}
