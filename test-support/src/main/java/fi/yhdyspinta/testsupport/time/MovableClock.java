package fi.yhdyspinta.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests: the real time, moved on by what a test asks ({@link #moveBy}). A module's tests produce it as
 * the application's {@link Clock} bean (a small producer in the module's test sources), replacing the service's
 * default clock, so every date and deadline the service reads follows it.
 */
public class MovableClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    public static void moveBy(Duration duration) {
        OFFSET.updateAndGet(current -> current.plus(duration));
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }
}
