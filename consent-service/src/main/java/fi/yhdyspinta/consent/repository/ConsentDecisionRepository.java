package fi.yhdyspinta.consent.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.ConsentDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {

    /** The client's decisions among these ids. */
    public Uni<List<ConsentDecision>> findOfClient(String clientId, Collection<UUID> ids) {
        return list("clientId = :client and id in :ids",
                Parameters.with("client", clientId).and("ids", List.copyOf(ids)));
    }
}
