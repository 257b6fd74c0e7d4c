package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 point 4, two of everything: two instances of each service on the same databases and broker,
 * the main flow for many clients spread over both, and one instance of each service killed -9 in the
 * middle of the run. Every flow still completes, exactly once: no event lost, none doubled, no second
 * inbox item. (The killed instances are the second ones, so the classes after find the suite as before.)
 */
@Tag("faults") // the profile of the same name in e2e-tests/pom.xml, active by default
@ExtendWith(SuiteExtension.class)
class TwoInstancesIT {

    private static final int FLOWS = 40;

    @Test
    void everyFlowCompletesExactlyOnceAlthoughOneInstanceOfEachServiceIsKilledMidRun() throws Exception {
        Suite suite = SuiteExtension.suite();
        try (SecondInstances second = SecondInstances.start(suite)) {
            MainFlows flows = new MainFlows(second.withThoseOf(suite));
            long started = System.nanoTime();
            CompletableFuture<List<MainFlows.Flow>> run = flows.start(FLOWS, 16);

            await().atMost(MainFlows.PATIENCE).until(() -> flows.consented() >= FLOWS / 3 || run.isDone());
            assertThat(run.isDone()).as("the kill comes in the middle of the run").isFalse();
            System.out.printf("%s: fault strikes with the flows at %s%n", getClass().getSimpleName(), flows.stages());
            second.killAll();
            second.byService.values().forEach(killed -> assertThat(killed.isAlive()).isFalse());

            List<MainFlows.Flow> done = MainFlows.join(run);
            String report = flows.assertEachCompletedExactlyOnce(done);
            System.out.printf("TwoInstancesIT: %s in %d s%n", report, (System.nanoTime() - started) / 1_000_000_000L);
        }
    }
}
