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

import fi.yhdyspinta.testsupport.PostgresOutage;

/**
 * Issue 11 point 5: PostgreSQL — every service's database — away for 10 s in the middle of a run of main
 * flows. Requests meanwhile may answer 503 (the flows send them again afterwards); consumers hold their
 * partitions and retry. Afterwards every flow has completed exactly once: nothing dead-lettered for a
 * passing fault, nothing lost, nothing doubled.
 */
@Tag("faults") // the profile of the same name in e2e-tests/pom.xml, active by default
@ExtendWith(SuiteExtension.class)
class DatabaseOutageIT {

    private static final int FLOWS = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void everyFlowCompletesExactlyOnceAcrossTenSecondsWithoutTheDatabase() throws Exception {
        Suite suite = SuiteExtension.suite();
        MainFlows flows = new MainFlows(Map.of("referral", List.of(suite.referral), "consent", List.of(suite.consent),
                "careplan", List.of(suite.carePlan), "notification", List.of(suite.notification)));
        PostgresOutage database = PostgresOutage.ofTestDatabase();
        long started = System.nanoTime();
        CompletableFuture<List<MainFlows.Flow>> run = flows.start(FLOWS, 16);
        CompletableFuture<List<MainFlows.Flow>> during = CompletableFuture.completedFuture(List.of());
        try {
            await().atMost(MainFlows.PATIENCE).until(() -> flows.consented() >= FLOWS / 3 || run.isDone());
            assertThat(run.isDone()).as("the outage comes in the middle of the run").isFalse();
            System.out.printf("%s: fault strikes with the flows at %s%n", getClass().getSimpleName(), flows.stages());
            database.stop();
            // users keep coming while the database is away: these flows begin during the outage
            during = flows.start(FLOWS / 3, FLOWS / 3);
            Thread.sleep(OUTAGE.toMillis()); // the fault's length, not an assertion
        } finally {
            database.start();
        }
        List<MainFlows.Flow> done = new java.util.ArrayList<>(MainFlows.join(run));
        done.addAll(MainFlows.join(during));
        String report = flows.assertEachCompletedExactlyOnce(done);
        for (ServiceProcess service : suite.all()) {
            service.awaitReady(Duration.ofSeconds(90));
        }
        assertThat(flows.failures()).as("requests during the outage: 503 with Retry-After, never 500")
                .containsKey("503").doesNotContainKey("500").doesNotContainKey("503 without Retry-After");
        System.out.printf("DatabaseOutageIT: %s in %d s%n", report, (System.nanoTime() - started) / 1_000_000_000L);
    }
}
