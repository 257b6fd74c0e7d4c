package fi.yhdyspinta.consent.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.PendingNeed;
import fi.yhdyspinta.consent.domain.PendingNeedStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PendingNeedRepository implements PanacheRepositoryBase<PendingNeed, UUID> {

    /** The client's needs in these statuses, oldest first. */
    public Uni<List<PendingNeed>> findByClient(String clientId, Collection<PendingNeedStatus> statuses) {
        return list("clientId = :client and status in :statuses", Sort.ascending("receivedAt"),
                Parameters.with("client", clientId).and("statuses", List.copyOf(statuses)));
    }
}
