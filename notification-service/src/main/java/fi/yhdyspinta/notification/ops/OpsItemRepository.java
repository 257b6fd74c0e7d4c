package fi.yhdyspinta.notification.ops;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OpsItemRepository implements PanacheRepositoryBase<OpsItem, UUID> {

    /** Newest first, at most {@code limit}; only the unacknowledged ones when asked. */
    public Uni<List<OpsItem>> newest(boolean unacknowledgedOnly, int limit) {
        var query = unacknowledgedOnly ? find("acknowledgedAt is null", Sort.descending("createdAt"))
                : findAll(Sort.descending("createdAt"));
        return query.page(0, limit).list();
    }

    public Uni<Boolean> existsFor(UUID sourceEventId) {
        return count("sourceEventId", sourceEventId).map(n -> n > 0);
    }
}
