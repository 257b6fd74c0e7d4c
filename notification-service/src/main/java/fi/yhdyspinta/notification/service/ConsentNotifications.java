package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.payload.ConsentDenied;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.notification.domain.NotificationType;
import io.smallrye.mutiny.Uni;

/**
 * Consent decisions the requesting organisation must act on: no consent covers a need (DESIGN §4 step 2,
 * ask the client), or the decision denied it (closed loop).
 */
@ApplicationScoped
public class ConsentNotifications {

    private static final Logger LOG = Logger.getLogger(ConsentNotifications.class);

    private final Notifier notifier;

    public ConsentNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    /**
     * A denial goes back to the organisation that asked for the decision — the sender of the need —
     * with the reason code, so that its referral never waits unseen (closed loop). The recipient is not
     * told: nothing was disclosed to it.
     */
    public Uni<Void> denied(CloudEvent event, ConsentDenied denial) {
        if (denial.requestingOrganisation() == null) {
            LOG.infof("consent-denied %s names no requesting organisation: no one to tell", event.id());
            return Uni.createFrom().voidItem();
        }
        return notifier.notify(event, NotificationType.CONSENT_DENIED, denial.clientId(),
                List.of(new Recipient(denial.requestingOrganisation(), denial.recipientOrganisation())), item -> {
                    item.needId = denial.needId() == null ? null : UUID.fromString(denial.needId());
                    item.decisionId = UUID.fromString(denial.decisionId());
                    item.denialReason = DenialReason.valueOf(denial.reason());
                    item.purpose = Purpose.valueOf(denial.purpose());
                });
    }

    public Uni<Void> requested(CloudEvent event, ConsentRequested request) {
        return notifier.notify(event, NotificationType.CONSENT_REQUESTED, request.clientId(),
                List.of(new Recipient(request.requestingOrganisation(), request.recipientOrganisation())), item -> {
                    item.needId = UUID.fromString(request.needId());
                    item.purpose = Purpose.valueOf(request.purpose());
                });
    }
}
