package fi.yhdyspinta.platform.inbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes the route tables of consumed topics. A consumer builds its table once, in its constructor:
 *
 * <pre>{@code
 * this.routes = router.routes(Topic.CONSENTS)
 *         .on(EventType.CONSENT_GRANTED, ConsentGranted.class, outcomes::granted)
 *         .on(EventType.CONSENT_REVOKED, ConsentRevoked.class, outcomes::revoked);
 * ...
 * @Incoming("consents")
 * public Uni<Void> consume(String record) { return routes.handle(record); }
 * }</pre>
 */
@ApplicationScoped
public class EventRouter {

    private final Inbox inbox;
    private final MeterRegistry metrics;

    public EventRouter(Inbox inbox, MeterRegistry metrics) {
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** An empty table for the topic: every type ignored until {@link EventRoutes#on} routes it. */
    public EventRoutes routes(Topic topic) {
        return new EventRoutes(topic, inbox, metrics, Map.of());
    }
}
