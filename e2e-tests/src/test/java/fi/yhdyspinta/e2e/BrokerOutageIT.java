package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 point 5: the Kafka broker away for 10 s in the middle of a run of main flows (stopped and
 * started again on the same port and log). Outbox rows wait and are published when it is back,
 * consumers resume from their committed offsets; afterwards every flow has completed exactly once.
 */
@Tag("faults") // the profile of the same name in e2e-tests/pom.xml, active by default
@ExtendWith(SuiteExtension.class)
class BrokerOutageIT {

    private static final int FLOWS = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void everyFlowCompletesExactlyOnceAcrossTenSecondsWithoutTheBroker() throws Exception {
        Suite suite = SuiteExtension.suite();
        MainFlows flows = new MainFlows(Map.of("referral", List.of(suite.referral), "consent", List.of(suite.consent),
                "careplan", List.of(suite.carePlan), "notification", List.of(suite.notification)));
        BrokerOutage broker = BrokerOutage.ofTestBroker();
        long started = System.nanoTime();
        CompletableFuture<List<MainFlows.Flow>> run = flows.start(FLOWS, 16);
        CompletableFuture<List<MainFlows.Flow>> during = CompletableFuture.completedFuture(List.of());
        try {
            await().atMost(MainFlows.PATIENCE).until(() -> flows.consented() >= FLOWS / 3 || run.isDone());
            assertThat(run.isDone()).as("the outage comes in the middle of the run").isFalse();
            System.out.printf("%s: fault strikes with the flows at %s%n", getClass().getSimpleName(), flows.stages());
            broker.stop();
            // users keep coming while the broker is away: these flows begin during the outage
            during = flows.start(FLOWS / 3, FLOWS / 3);
            Thread.sleep(OUTAGE.toMillis()); // the fault's length, not an assertion
        } finally {
            broker.start();
        }
        List<MainFlows.Flow> done = new java.util.ArrayList<>(MainFlows.join(run));
        done.addAll(MainFlows.join(during));
        String report = flows.assertEachCompletedExactlyOnce(done);
        for (ServiceProcess service : suite.all()) {
            service.awaitReady(Duration.ofSeconds(90));
        }
        System.out.printf("BrokerOutageIT: %s in %d s%n", report, (System.nanoTime() - started) / 1_000_000_000L);
    }
}
