package fi.yhdyspinta.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.notification.service.ConsentNotifications;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Consent requests and denials from consent-service on {@code consents}, each handled once, poison to the
 * DLQ. Grants and revocations travel there too; they are for referral-service (ignored here).
 */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final EventRoutes routes;

    public ConsentEventsConsumer(EventRouter router, ConsentNotifications notifications) {
        this.routes = router.routes(Topic.CONSENTS)
                .on(EventType.CONSENT_REQUESTED, ConsentRequested.class, notifications::requested)
                .on(EventType.CONSENT_DENIED, ConsentDenied.class, notifications::denied);
    }

    /** The event types this consumer makes inbox items of (and so may be subscribed to as webhooks). */
    public Set<EventType> handled() {
        return routes.handled();
    }

    @Incoming("consents")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
