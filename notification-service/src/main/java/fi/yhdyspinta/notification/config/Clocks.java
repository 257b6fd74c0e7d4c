package fi.yhdyspinta.notification.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock webhook deliveries read (retry times, dead-letter window, secret overlap, signature timestamps). UTC
 * system time; tests replace it with one they move (any other {@link Clock} bean wins over this default).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
