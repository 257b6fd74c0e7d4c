package fi.yhdyspinta.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import fi.yhdyspinta.platform.inbox.Inbox;
import fi.yhdyspinta.referral.service.OrganisationRegistry;
import io.smallrye.mutiny.Uni;

/** The organisation registry's changes from consent-service, each handled once, poison to the DLQ. */
@ApplicationScoped
public class OrganisationEventsConsumer {

    private final Inbox inbox;
    private final OrganisationRegistry registry;

    public OrganisationEventsConsumer(Inbox inbox, OrganisationRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    @Incoming("organisation-changed")
    public Uni<Void> changed(String record) {
        return inbox.handleOnce(record, EventType.ORGANISATION_CHANGED, OrganisationChanged.class, registry::changed);
    }
}
