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

    /** Whether this alert, or another about the same version of the same service's document, is already here. */
    public Uni<Boolean> existsFor(UUID sourceEventId, String sourceService, UUID documentId, int documentVersion) {
        return count("sourceEventId = ?1 or (sourceService = ?2 and documentId = ?3 and documentVersion = ?4)",
                sourceEventId, sourceService, documentId, documentVersion).map(n -> n > 0);
    }
}
