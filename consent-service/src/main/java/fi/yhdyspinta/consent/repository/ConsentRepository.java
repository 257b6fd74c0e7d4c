package fi.yhdyspinta.consent.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Consent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** Every answer of the client, newest first. */
    public Uni<List<Consent>> findByClient(String clientId) {
        return list("clientId", Sort.descending("recordedAt"), clientId);
    }
}
