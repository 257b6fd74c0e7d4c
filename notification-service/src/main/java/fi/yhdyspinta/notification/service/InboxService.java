package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.repository.NotificationRepository;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The professional inbox (saapuneet) of an organisation: every professional of the organisation sees
 * and may acknowledge its items; another organisation gets 404, which does not reveal that they exist.
 */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;
    private final int limit;

    public InboxService(NotificationRepository notifications, NotificationConfig config) {
        this.notifications = notifications;
        this.limit = config.inboxLimit();
    }

    @WithSession
    public Uni<List<Notification>> list(Caller caller, NotificationType type, boolean unacknowledgedOnly) {
        return notifications.findInbox(caller.requireOrganisation(), type, unacknowledgedOnly, limit);
    }

    /** Acknowledging twice keeps the first acknowledgement. */
    @WithTransaction
    public Uni<Notification> acknowledge(UUID id, Caller caller) {
        String organisation = caller.requireOrganisation();
        return notifications.findById(id).map(item -> {
            if (item == null || !item.organisation.equals(organisation)) {
                throw ProblemException.notFound("inbox item");
            }
            if (!item.isAcknowledged()) {
                item.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
                item.acknowledgedBy = caller.subject();
            }
            return item;
        });
    }
}
