package fi.yhdyspinta.careplan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real time, moved on by what a test asks ({@link #moveBy}). Replaces the
 * service's default clock bean, so every date and deadline the service reads follows it.
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

    /** The producer that replaces the service's {@code @DefaultBean} clock. */
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new MovableClock();
        }
    }
}
