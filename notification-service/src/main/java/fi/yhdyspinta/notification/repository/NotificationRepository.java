package fi.yhdyspinta.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.notification.domain.NotificationType;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /**
     * An organisation's inbox, newest first, optionally one type, only the unit lead's escalations and/or
     * unacknowledged items only.
     */
    public Uni<List<Notification>> findInbox(String organisation, NotificationType type, boolean escalationsOnly,
            boolean unacknowledgedOnly, int limit) {
        StringBuilder query = new StringBuilder("organisation = :org");
        Parameters params = Parameters.with("org", organisation);
        if (type != null) {
            query.append(" and type = :type");
            params = params.and("type", type);
        }
        if (escalationsOnly) {
            query.append(" and type in :escalations");
            params = params.and("escalations", NotificationType.escalations());
        }
        if (unacknowledgedOnly) {
            query.append(" and acknowledgedAt is null");
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params).page(0, limit).list();
    }

    public Uni<Boolean> existsFor(UUID sourceEventId, String organisation) {
        return count("sourceEventId = ?1 and organisation = ?2", sourceEventId, organisation).map(n -> n > 0);
    }
}
