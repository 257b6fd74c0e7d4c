package fi.yhdyspinta.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.consent.service.NeedDecisions;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Identified needs ask for a consent decision: each handled once (idempotent inbox), poison to the DLQ. */
@ApplicationScoped
public class NeedEventsConsumer {

    private final Inbox inbox;
    private final NeedDecisions needDecisions;

    public NeedEventsConsumer(Inbox inbox, NeedDecisions needDecisions) {
        this.inbox = inbox;
        this.needDecisions = needDecisions;
    }

    @Incoming("need-identified")
    public Uni<Void> needIdentified(String record) {
        return inbox.handleOnce(record, EventType.NEED_IDENTIFIED, NeedIdentified.class, needDecisions::needIdentified);
    }
}
