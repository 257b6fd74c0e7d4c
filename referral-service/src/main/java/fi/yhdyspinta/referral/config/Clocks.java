package fi.yhdyspinta.referral.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every referral deadline is read from (dueAt, overdue, expiry, transition times). UTC system time;
 * tests replace it with one they move (any other {@link Clock} bean wins over this default).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
