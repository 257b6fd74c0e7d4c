package fi.yhdyspinta.consent.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.consent.domain.Organisation;
import fi.yhdyspinta.events.code.Sector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {

    /** Advisory-lock namespace of the registry (two-key form: never overlaps the client locks' one-key form). */
    private static final int REGISTRY_LOCKS = 7001;

    /** The registry filtered by sector and/or municipality (null: any), by OID. */
    public Uni<List<Organisation>> search(Sector sector, String municipality) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (sector != null) {
            query.append(" and sector = :sector");
            parameters.and("sector", sector);
        }
        if (municipality != null) {
            query.append(" and municipality = :municipality");
            parameters.and("municipality", municipality);
        }
        return list(query.toString(), Sort.ascending("oid"), parameters);
    }

    /** The organisations among these OIDs, active or not (for their names). */
    public Uni<List<Organisation>> findAll(Collection<String> oids) {
        return list("oid in :oids", Parameters.with("oids", List.copyOf(oids)));
    }

    /** The active organisations among these OIDs. */
    public Uni<List<Organisation>> findActive(Collection<String> oids) {
        return list("oid in :oids and active = true", Parameters.with("oids", List.copyOf(oids)));
    }

    /**
     * Serialises changes of one organisation (and, with {@code ""}, the seeding of an empty registry)
     * until the transaction ends, so that versions go up one at a time. Must run inside a transaction.
     */
    public Uni<Void> lock(String oid) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(" + REGISTRY_LOCKS + ", hashtext(:oid))")
                        .setParameter("oid", oid)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
