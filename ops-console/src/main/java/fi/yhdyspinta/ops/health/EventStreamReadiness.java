package fi.yhdyspinta.ops.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import fi.yhdyspinta.ops.events.EventTap;

/** Ready once the console's consumer holds partitions of the family topics: the stream shows events from then on. */
@Readiness
public class EventStreamReadiness implements HealthCheck {

    private final EventTap tap;

    public EventStreamReadiness(EventTap tap) {
        this.tap = tap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event stream").status(tap.assigned()).build();
    }
}
