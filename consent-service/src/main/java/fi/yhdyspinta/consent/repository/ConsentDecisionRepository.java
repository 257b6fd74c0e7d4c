package fi.yhdyspinta.consent.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.ConsentDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {

    /** The client's disclosure log, newest first. */
    public Uni<List<ConsentDecision>> findByClient(String clientId, int limit) {
        return find("clientId", Sort.descending("decidedAt"), clientId).page(0, limit).list();
    }
}
