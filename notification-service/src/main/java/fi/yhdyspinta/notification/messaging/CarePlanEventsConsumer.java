package fi.yhdyspinta.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.CoordinationHintRaised;
import fi.yhdyspinta.events.payload.PlanSharingRevoked;
import fi.yhdyspinta.events.payload.ResponsibleWorkerChanged;
import fi.yhdyspinta.notification.service.CarePlanNotifications;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Joint client plan events from care-plan-service on {@code care-plans}, each handled once, poison to the DLQ.
 * {@code care-plan-updated} (a new version, for the archive feed) is acknowledged unhandled.
 */
@ApplicationScoped
public class CarePlanEventsConsumer {

    private final EventRoutes routes;

    public CarePlanEventsConsumer(EventRouter router, CarePlanNotifications notifications) {
        this.routes = router.routes(Topic.CARE_PLANS)
                .on(EventType.CARE_PLAN_RESPONSIBLE_WORKER_CHANGED, ResponsibleWorkerChanged.class,
                        notifications::responsibleWorkerChanged)
                .on(EventType.CARE_PLAN_SHARING_REVOKED, PlanSharingRevoked.class, notifications::sharingRevoked)
                .on(EventType.CARE_PLAN_COORDINATION_HINT, CoordinationHintRaised.class,
                        notifications::coordinationHint);
    }

    /** The event types this consumer makes inbox items of (and so may be subscribed to as webhooks). */
    public Set<EventType> handled() {
        return routes.handled();
    }

    @Incoming("care-plans")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
