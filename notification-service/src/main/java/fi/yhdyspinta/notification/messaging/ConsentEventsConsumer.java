package fi.yhdyspinta.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.notification.service.ConsentNotifications;
import fi.yhdyspinta.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Consent requests and denials from consent-service, each handled once, poison to the DLQ. */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final Inbox inbox;
    private final ConsentNotifications notifications;

    public ConsentEventsConsumer(Inbox inbox, ConsentNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("consent-denied")
    public Uni<Void> denied(String record) {
        return inbox.handleOnce(record, EventType.CONSENT_DENIED, ConsentDenied.class, notifications::denied);
    }

    @Incoming("consent-requested")
    public Uni<Void> requested(String record) {
        return inbox.handleOnce(record, EventType.CONSENT_REQUESTED, ConsentRequested.class,
                notifications::requested);
    }
}
