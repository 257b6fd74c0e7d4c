package fi.yhdyspinta.careplan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.careplan.service.OrganisationReplica;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/** The registry's {@code organisation-changed}: the sectors the coordination hints count. */
@ApplicationScoped
public class OrganisationEventsConsumer {

    private final EventRoutes routes;

    public OrganisationEventsConsumer(EventRouter router, OrganisationReplica replica) {
        this.routes = router.routes(Topic.ORGANISATIONS)
                .on(EventType.ORGANISATION_CHANGED, OrganisationChanged.class, replica::changed);
    }

    @Incoming("organisations")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
