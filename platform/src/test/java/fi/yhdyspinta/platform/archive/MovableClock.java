package fi.yhdyspinta.platform.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The platform test application's clock: real time, moved on by what a test asks ({@link #moveBy}). */
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

    /** The service clock that platform's ServiceClock finds. */
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new MovableClock();
        }
    }
}
