package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.repository.NotificationRepository;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The professional inbox (saapuneet) of an organisation: every professional of the organisation sees
 * and may acknowledge its items; another organisation gets 404, which does not reveal that they exist.
 * Each item names a client: every read and acknowledgement is audited in its transaction, every refused
 * attempt on an existing item after it ({@link InboxAudit}).
 */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;
    private final InboxAudit audit;
    private final int limit;

    public InboxService(NotificationRepository notifications, NotificationConfig config, InboxAudit audit) {
        this.notifications = notifications;
        this.audit = audit;
        this.limit = config.inboxLimit();
    }

    @WithTransaction
    public Uni<List<Notification>> list(Caller caller, NotificationType type, boolean escalationsOnly,
            boolean unacknowledgedOnly, String correlationId) {
        return notifications.findInbox(caller.requireOrganisation(), type, escalationsOnly, unacknowledgedOnly, limit)
                .call(items -> audit.listed(caller, items, correlationId));
    }

    @WithTransaction
    public Uni<Notification> find(UUID id, Caller caller, String correlationId) {
        return ofCallersOrganisation(id, caller, AuditAction.READ, correlationId)
                .call(item -> audit.read(caller, item, correlationId));
    }

    /** Acknowledging twice keeps the first acknowledgement (and is then a read of it). */
    @WithTransaction
    public Uni<Notification> acknowledge(UUID id, Caller caller, String correlationId) {
        return ofCallersOrganisation(id, caller, AuditAction.UPDATE, correlationId).call(item -> {
            if (item.isAcknowledged()) {
                return audit.read(caller, item, correlationId);
            }
            item.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
            item.acknowledgedBy = caller.subject();
            return audit.acknowledged(caller, item, correlationId);
        });
    }

    /** The item, if it is in the caller organisation's inbox; another organisation's is a refused attempt. */
    private Uni<Notification> ofCallersOrganisation(UUID id, Caller caller, AuditAction action, String correlationId) {
        String organisation = caller.requireOrganisation();
        return notifications.findById(id).map(item -> {
            if (item == null) {
                throw ProblemException.notFound("inbox item");
            }
            if (!item.organisation.equals(organisation)) {
                throw audit.hidden(caller, action, item, correlationId);
            }
            return item;
        });
    }
}
