package fi.yhdyspinta.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.outbox.RoundGate.Trigger;

/** One round at a time, no wake-up lost, no hammering after a failure. */
class RoundGateTest {

    private final RoundGate gate = new RoundGate();

    @Test
    void aWakeUpStartsARoundWhenNoneRuns() {
        assertThat(gate.wake(Trigger.NOTIFY)).contains(Trigger.NOTIFY);
    }

    @Test
    void wakeUpsDuringARoundAreCoalescedIntoOneMoreRound() {
        gate.wake(Trigger.NOTIFY);
        assertThat(gate.wake(Trigger.NOTIFY)).isEmpty();
        assertThat(gate.wake(Trigger.NOTIFY)).isEmpty();
        assertThat(gate.wake(Trigger.TIMER)).isEmpty();

        assertThat(gate.succeeded(false)).contains(Trigger.NOTIFY);
        assertThat(gate.succeeded(false)).isEmpty();
        assertThat(gate.wake(Trigger.TIMER)).contains(Trigger.TIMER);
    }

    @Test
    void aFullBatchIsFollowedAtOnceByTheNextRound() {
        gate.wake(Trigger.TIMER);
        assertThat(gate.succeeded(true)).contains(Trigger.MORE);
        assertThat(gate.wake(Trigger.NOTIFY)).isEmpty();
        assertThat(gate.succeeded(false)).contains(Trigger.NOTIFY);
    }

    @Test
    void afterAFailureNothingRunsUntilTheBackoffHasPassedAndThenOneRetry() {
        gate.wake(Trigger.NOTIFY);
        assertThat(gate.failed()).isEqualTo(Duration.ofMillis(100));
        assertThat(gate.wake(Trigger.NOTIFY)).isEmpty();
        assertThat(gate.wake(Trigger.TIMER)).isEmpty();

        assertThat(gate.retryDue()).contains(Trigger.RETRY);
        assertThat(gate.failed()).isEqualTo(Duration.ofMillis(200));
        assertThat(gate.retryDue()).contains(Trigger.RETRY);
        assertThat(gate.failed()).isEqualTo(Duration.ofMillis(400));
        assertThat(gate.failures()).isEqualTo(3);

        gate.retryDue();
        assertThat(gate.succeeded(false)).isEmpty();
        assertThat(gate.failures()).isZero();
        assertThat(gate.wake(Trigger.NOTIFY)).contains(Trigger.NOTIFY);
    }

    @Test
    void theBackoffStopsGrowingAtFiveSeconds() {
        gate.wake(Trigger.NOTIFY);
        Duration backoff = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            backoff = gate.failed();
            gate.retryDue();
        }
        assertThat(backoff).isEqualTo(RoundGate.MAX_BACKOFF);
    }

    @Test
    void aChannelNotWiredYetIsRetriedSoonWithoutCountingAFailure() {
        gate.wake(Trigger.LISTEN);
        assertThat(gate.notReady()).isEqualTo(Duration.ofMillis(100));
        assertThat(gate.wake(Trigger.NOTIFY)).isEmpty();
        assertThat(gate.failures()).isZero();
        assertThat(gate.retryDue()).contains(Trigger.RETRY);
    }
}
