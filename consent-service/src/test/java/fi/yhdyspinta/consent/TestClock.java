package fi.yhdyspinta.consent;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fi.yhdyspinta.testsupport.time.MovableClock;

/** The test application's clock bean, which replaces the service's @DefaultBean clock: test-support's {@link MovableClock}. */
public class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return new MovableClock();
    }
}
