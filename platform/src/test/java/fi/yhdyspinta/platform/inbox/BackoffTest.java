package fi.yhdyspinta.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** 100 ms doubling to a 10 s cap, jittered between half and the whole of each step. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(backoff.delay(0, 0.9999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(backoff.delay(1, 0.9999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
        assertThat(backoff.delay(6, 0.9999)).isBetween(Duration.ofMillis(6399), Duration.ofMillis(6400));
        assertThat(backoff.delay(7, 0.9999)).isBetween(Duration.ofMillis(9999), Duration.ofSeconds(10));
        assertThat(backoff.delay(1_000_000, 0.9999)).isBetween(Duration.ofMillis(9999), Duration.ofSeconds(10));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheStep() {
        assertThat(backoff.delay(0, 0)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.delay(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(40, 0)).isEqualTo(Duration.ofSeconds(5));
        for (int retry = 0; retry < 64; retry++) {
            for (double random : new double[] { 0, 0.25, 0.5, 0.999 }) {
                assertThat(backoff.delay(retry, random)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void refusesANonsensePolicy() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
