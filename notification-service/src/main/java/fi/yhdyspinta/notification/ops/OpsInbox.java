package fi.yhdyspinta.notification.ops;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The ops inbox: every ops user sees and may acknowledge its items. No client data is in it, so reading it is not an
 * audited act on a client (DESIGN §8).
 */
@ApplicationScoped
public class OpsInbox {

    private final OpsItemRepository items;
    private final int limit;

    public OpsInbox(OpsItemRepository items, NotificationConfig config) {
        this.items = items;
        this.limit = config.inboxLimit();
    }

    @WithSession
    public Uni<List<OpsItem>> list(boolean unacknowledgedOnly) {
        return items.newest(unacknowledgedOnly, limit);
    }

    /** Acknowledging twice keeps the first acknowledgement. */
    @WithTransaction
    public Uni<OpsItem> acknowledge(UUID id, Caller caller) {
        return items.findById(id).map(item -> {
            if (item == null) {
                throw ProblemException.notFound("ops inbox item");
            }
            if (item.acknowledgedAt == null) {
                item.acknowledgedAt = OffsetDateTime.now(ZoneOffset.UTC);
                item.acknowledgedBy = caller.subject();
            }
            return item;
        });
    }
}
