package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.notification.domain.NotificationType;
import io.smallrye.mutiny.Uni;

/** No consent covers a need (DESIGN §4 step 2): the requesting organisation's professional must ask the client. */
@ApplicationScoped
public class ConsentNotifications {

    private final Notifier notifier;

    public ConsentNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    public Uni<Void> requested(CloudEvent event, ConsentRequested request) {
        return notifier.notify(event, NotificationType.CONSENT_REQUESTED, request.clientId(),
                List.of(new Recipient(request.requestingOrganisation(), request.recipientOrganisation())), item -> {
                    item.needId = UUID.fromString(request.needId());
                    item.purpose = Purpose.valueOf(request.purpose());
                });
    }
}
