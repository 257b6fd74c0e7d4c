package fi.yhdyspinta.careplan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.careplan.service.PlanRevocations;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/** {@code consent-revoked} on {@code consents} takes plan shares away; the family's other types are not ours. */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final EventRoutes routes;

    public ConsentEventsConsumer(EventRouter router, PlanRevocations revocations) {
        this.routes = router.routes(Topic.CONSENTS)
                .on(EventType.CONSENT_REVOKED, ConsentRevoked.class, revocations::revoked);
    }

    @Incoming("consents")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
