package fi.yhdyspinta.e2e;

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

    @Test
    void everyFlowCompletesExactlyOnceAcrossTenSecondsWithoutTheBroker() throws Exception {
        BrokerOutage broker = BrokerOutage.ofTestBroker();
        FlowsAcrossAFault.run(getClass().getSimpleName(), SuiteExtension.suite(), new FlowsAcrossAFault.Fault() {
            @Override
            public void strike() {
                broker.stop();
            }

            @Override
            public void end() throws Exception {
                broker.start();
            }
        });
    }
}
