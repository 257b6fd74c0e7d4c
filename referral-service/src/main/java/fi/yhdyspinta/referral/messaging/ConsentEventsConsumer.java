package fi.yhdyspinta.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import fi.yhdyspinta.referral.service.ConsentOutcomes;
import io.smallrye.mutiny.Uni;

/**
 * Consent decisions from consent-service on {@code consents}: one client's grants, denials and
 * revocations in the order they were made, each handled once (idempotent inbox), poison to the DLQ.
 * Consent requests travel there too; they are for notification-service (ignored here).
 */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final EventRoutes routes;

    public ConsentEventsConsumer(EventRouter router, ConsentOutcomes outcomes) {
        this.routes = router.routes(Topic.CONSENTS)
                .on(EventType.CONSENT_GRANTED, ConsentGranted.class, outcomes::granted)
                .on(EventType.CONSENT_DENIED, ConsentDenied.class, outcomes::denied)
                .on(EventType.CONSENT_REVOKED, ConsentRevoked.class, outcomes::revoked);
    }

    @Incoming("consents")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
