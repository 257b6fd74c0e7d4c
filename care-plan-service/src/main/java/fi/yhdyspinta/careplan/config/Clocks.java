package fi.yhdyspinta.careplan.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of the service: every date and deadline (review dates, hints, invitation deadlines) is read from
 * the injected {@link Clock}, so that tests can move time instead of waiting for it.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
