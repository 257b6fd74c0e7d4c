package fi.yhdyspinta.platform.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The service's {@link Clock} when it has one as a bean (care-plan-service produces one; tests replace it with a
 * movable one), else the system clock. Looked up rather than produced here: a platform producer would clash with a
 * service's own default clock bean.
 */
@ApplicationScoped
public class ServiceClock {

    private final Instance<Clock> clocks;

    public ServiceClock(Instance<Clock> clocks) {
        this.clocks = clocks;
    }

    public Clock clock() {
        return clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
    }

    /** Now, truncated to microseconds (PostgreSQL's precision), in UTC. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock()).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date where the day is counted (e.g. the county's zone for a consent's last day). */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock().instant(), zone);
    }
}
