package fi.yhdyspinta.platform.archive;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fi.yhdyspinta.testsupport.time.MovableClock;

/** The test application's clock bean, which is the clock platform's ServiceClock finds: test-support's {@link MovableClock}. */
public class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return new MovableClock();
    }
}
