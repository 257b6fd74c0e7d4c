package fi.yhdyspinta.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import fi.yhdyspinta.referral.service.OrganisationRegistry;
import io.smallrye.mutiny.Uni;

/** The organisation registry's changes from consent-service on {@code organisations}, each handled once, poison to the DLQ. */
@ApplicationScoped
public class OrganisationEventsConsumer {

    private final EventRoutes routes;

    public OrganisationEventsConsumer(EventRouter router, OrganisationRegistry registry) {
        this.routes = router.routes(Topic.ORGANISATIONS)
                .on(EventType.ORGANISATION_CHANGED, OrganisationChanged.class, registry::changed);
    }

    @Incoming("organisations")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
