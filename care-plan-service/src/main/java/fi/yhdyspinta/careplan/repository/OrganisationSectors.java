package fi.yhdyspinta.careplan.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.Sector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The replica of the registry's sectors (consent-service owns the registry; organisation-changed keeps it). */
@ApplicationScoped
public class OrganisationSectors {

    /** Applies the registry's state unless the replica already holds a newer one. */
    public Uni<Boolean> upsertIfNewer(String oid, Sector sector, boolean active, long version, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into organisation (oid, sector, active, version, updated_at) "
                        + "values (:oid, :sector, :active, :version, :at) on conflict (oid) do update set "
                        + "sector = excluded.sector, active = excluded.active, version = excluded.version, "
                        + "updated_at = excluded.updated_at where organisation.version < excluded.version")
                .setParameter("oid", oid)
                .setParameter("sector", sector.name())
                .setParameter("active", active)
                .setParameter("version", version)
                .setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Map<String, Sector>> sectorsOf(Collection<String> oids) {
        return known(oids).map(known -> {
            Map<String, Sector> sectors = new HashMap<>();
            known.forEach((oid, registered) -> sectors.put(oid, registered.sector()));
            return sectors;
        });
    }

    /** The replica's sector and activity of each organisation it knows among {@code oids}. */
    public Uni<Map<String, Registered>> known(Collection<String> oids) {
        if (oids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select oid, sector, active from organisation where oid in (:oids)", Object[].class)
                .setParameter("oids", List.copyOf(oids))
                .getResultList())
                .map(rows -> {
                    Map<String, Registered> known = new HashMap<>();
                    for (Object[] row : rows) {
                        known.put((String) row[0], new Registered(Sector.valueOf((String) row[1]), (Boolean) row[2]));
                    }
                    return known;
                });
    }

    /** An organisation as the registry replica has it. */
    public record Registered(Sector sector, boolean active) {
    }
}
