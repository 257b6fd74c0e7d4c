package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void everyFlowCompletesExactlyOnceAcrossTenSecondsWithoutTheDatabase() throws Exception {
        PostgresOutage database = PostgresOutage.ofTestDatabase();
        MainFlows flows = FlowsAcrossAFault.run(getClass().getSimpleName(), SuiteExtension.suite(),
                new FlowsAcrossAFault.Fault() {
                    @Override
                    public void strike() throws Exception {
                        database.stop();
                    }

                    @Override
                    public void end() throws Exception {
                        database.start();
                    }
                });
        assertThat(flows.failures()).as("requests during the outage: 503 with Retry-After, never 500")
                .containsKey("503").doesNotContainKey("500").doesNotContainKey("503 without Retry-After");
    }
}
