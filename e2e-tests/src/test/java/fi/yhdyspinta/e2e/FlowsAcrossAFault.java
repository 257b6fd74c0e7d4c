package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The fault tests' one scenario: 30 main flows by 16 users; once a third of them have their consent, the fault
 * strikes and lasts its length while 10 more flows begin; then the fault ends, every flow has completed exactly
 * once and every service is ready again. The test says what the fault is and what else must hold.
 */
final class FlowsAcrossAFault {

    static final int FLOWS = 30;
    static final Duration LENGTH = Duration.ofSeconds(10);

    /** A fault that can be switched on and off (a broker or a database stopped and started again). */
    interface Fault {
        void strike() throws Exception;

        void end() throws Exception;
    }

    private FlowsAcrossAFault() {
    }

    /** Runs the scenario and answers the flows, for what the test asserts besides. */
    static MainFlows run(String name, Suite suite, Fault fault) throws Exception {
        MainFlows flows = new MainFlows(Map.of("referral", List.of(suite.referral), "consent", List.of(suite.consent),
                "careplan", List.of(suite.carePlan), "notification", List.of(suite.notification)));
        long started = System.nanoTime();
        CompletableFuture<List<MainFlows.Flow>> run = flows.start(FLOWS, 16);
        CompletableFuture<List<MainFlows.Flow>> during = CompletableFuture.completedFuture(List.of());
        try {
            await().atMost(MainFlows.PATIENCE).until(() -> flows.consented() >= FLOWS / 3 || run.isDone());
            assertThat(run.isDone()).as("the fault comes in the middle of the run").isFalse();
            System.out.printf("%s: fault strikes with the flows at %s%n", name, flows.stages());
            fault.strike();
            // users keep coming during the fault: these flows begin while it lasts
            during = flows.start(FLOWS / 3, FLOWS / 3);
            Thread.sleep(LENGTH.toMillis()); // the fault's length, not an assertion
        } finally {
            fault.end();
        }
        List<MainFlows.Flow> done = new ArrayList<>(MainFlows.join(run));
        done.addAll(MainFlows.join(during));
        String report = flows.assertEachCompletedExactlyOnce(done);
        for (ServiceProcess service : suite.all()) {
            service.awaitReady(Duration.ofSeconds(90));
        }
        System.out.printf("%s: %s in %d s%n", name, report, (System.nanoTime() - started) / 1_000_000_000L);
        return flows;
    }
}
