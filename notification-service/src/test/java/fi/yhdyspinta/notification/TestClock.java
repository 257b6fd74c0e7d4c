package fi.yhdyspinta.notification;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fi.yhdyspinta.testsupport.time.MovableClock;

/**
 * The test application's clock bean: test-support's {@link MovableClock}. The platform's ServiceClock reads it (the
 * service itself produces none and runs on the system clock), so webhook retries, the dead-letter window and the
 * secret overlap follow it.
 */
public class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return new MovableClock();
    }
}
