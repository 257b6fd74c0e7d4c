package fi.yhdyspinta.consent.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Prohibition;
import fi.yhdyspinta.consent.domain.ProhibitionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProhibitionRepository implements PanacheRepositoryBase<Prohibition, UUID> {

    /** Every prohibition of the client, newest first. */
    public Uni<List<Prohibition>> findByClient(String clientId) {
        return list("clientId", io.quarkus.panache.common.Sort.descending("recordedAt"), clientId);
    }

    public Uni<List<Prohibition>> findActiveByClient(String clientId) {
        return list("clientId = :client and status = :status",
                Parameters.with("client", clientId).and("status", ProhibitionStatus.ACTIVE));
    }
}
