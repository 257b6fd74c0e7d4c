package fi.yhdyspinta.careplan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.careplan.service.ReferralProjection;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Referral status events from referral-service on {@code referrals}, for the client overview: each
 * handled once, poison to the DLQ. The steps the overview does not show (received, forwarded, started)
 * are acknowledged unhandled.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final EventRoutes routes;

    public ReferralEventsConsumer(EventRouter router, ReferralProjection projection) {
        EventRoutes routes = router.routes(Topic.REFERRALS);
        for (EventType type : new EventType[] { EventType.REFERRAL_SENT, EventType.REFERRAL_ACCEPTED,
                EventType.REFERRAL_DECLINED, EventType.REFERRAL_COMPLETED, EventType.REFERRAL_CANCELLED,
                EventType.REFERRAL_SUSPENDED }) {
            routes = routes.on(type, ReferralStatusChanged.class, projection::statusChanged);
        }
        this.routes = routes;
    }

    @Incoming("referrals")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
