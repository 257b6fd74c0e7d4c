package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.CoordinationHint;
import fi.yhdyspinta.events.payload.CoordinationHintRaised;
import fi.yhdyspinta.events.payload.PlanSharingRevoked;
import fi.yhdyspinta.events.payload.ResponsibleWorkerChanged;
import fi.yhdyspinta.notification.domain.NotificationType;
import io.smallrye.mutiny.Uni;

/**
 * Joint client plans (care-plan-service, topic {@code care-plans}): a hand-over of the responsible worker tells both
 * organisations (SHL 42 §), a revoked plan share tells the organisation that lost it and the responsible one, and a
 * coordination hint reaches each organisation involved — care-plan-service raises each hint once.
 */
@ApplicationScoped
public class CarePlanNotifications {

    private final Notifier notifier;

    public CarePlanNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    public Uni<Void> responsibleWorkerChanged(CloudEvent event, ResponsibleWorkerChanged change) {
        List<Recipient> recipients = change.fromOrganisation() == null
                ? List.of(new Recipient(change.toOrganisation(), null))
                : List.of(new Recipient(change.fromOrganisation(), change.toOrganisation()),
                        new Recipient(change.toOrganisation(), change.fromOrganisation()));
        return notifier.notify(event, NotificationType.RESPONSIBLE_WORKER_CHANGED, change.clientId(),
                distinctByOrganisation(recipients), item -> item.planId = UUID.fromString(change.planId()));
    }

    public Uni<Void> sharingRevoked(CloudEvent event, PlanSharingRevoked revoked) {
        List<Recipient> recipients = revoked.responsibleOrganisation() == null
                ? List.of(new Recipient(revoked.organisation(), null))
                : List.of(new Recipient(revoked.responsibleOrganisation(), revoked.organisation()),
                        new Recipient(revoked.organisation(), revoked.responsibleOrganisation()));
        return notifier.notify(event, NotificationType.PLAN_SHARING_REVOKED, revoked.clientId(),
                distinctByOrganisation(recipients), item -> item.planId = UUID.fromString(revoked.planId()));
    }

    public Uni<Void> coordinationHint(CloudEvent event, CoordinationHintRaised hint) {
        List<Recipient> recipients = hint.organisations().stream().map(org -> new Recipient(org, null)).toList();
        return notifier.notify(event, NotificationType.COORDINATION_HINT, hint.clientId(), recipients, item -> {
            item.hint = CoordinationHint.valueOf(hint.hint());
            item.planId = hint.planId() == null ? null : UUID.fromString(hint.planId());
        });
    }

    /** One item per organisation (a hand-over within one organisation tells it once). */
    private static List<Recipient> distinctByOrganisation(List<Recipient> recipients) {
        return recipients.stream().collect(java.util.stream.Collectors.toMap(Recipient::organisation, r -> r,
                (first, second) -> new Recipient(first.organisation(), null), java.util.LinkedHashMap::new))
                .values().stream().toList();
    }
}
