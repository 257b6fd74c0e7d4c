package fi.yhdyspinta.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.platform.inbox.Inbox;
import fi.yhdyspinta.referral.service.ConsentOutcomes;
import io.smallrye.mutiny.Uni;

/** Consent decisions from consent-service, each handled once (idempotent inbox), poison to the DLQ. */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final Inbox inbox;
    private final ConsentOutcomes outcomes;

    public ConsentEventsConsumer(Inbox inbox, ConsentOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("consent-granted")
    public Uni<Void> granted(String record) {
        return inbox.handleOnce(record, EventType.CONSENT_GRANTED, ConsentGranted.class, outcomes::granted);
    }

    @Incoming("consent-denied")
    public Uni<Void> denied(String record) {
        return inbox.handleOnce(record, EventType.CONSENT_DENIED, ConsentDenied.class, outcomes::denied);
    }

    @Incoming("consent-revoked")
    public Uni<Void> revoked(String record) {
        return inbox.handleOnce(record, EventType.CONSENT_REVOKED, ConsentRevoked.class, outcomes::revoked);
    }
}
