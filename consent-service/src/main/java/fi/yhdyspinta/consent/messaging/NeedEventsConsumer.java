package fi.yhdyspinta.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.consent.service.NeedDecisions;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/** Identified needs on {@code needs} ask for a consent decision: each handled once (idempotent inbox), poison to the DLQ. */
@ApplicationScoped
public class NeedEventsConsumer {

    private final EventRoutes routes;

    public NeedEventsConsumer(EventRouter router, NeedDecisions needDecisions) {
        this.routes = router.routes(Topic.NEEDS)
                .on(EventType.NEED_IDENTIFIED, NeedIdentified.class, needDecisions::needIdentified);
    }

    @Incoming("needs")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
