package fi.yhdyspinta.careplan.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.registry.SeedOrganisation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * With {@code yhdyspinta.organisations.seed=demo}, fills an empty sector replica from the demo seed at version 0
 * before the consumers start; consent-service's {@code organisation-changed} events overwrite these rows.
 */
@ApplicationScoped
public class DemoOrganisations {

    private static final Logger LOG = Logger.getLogger(DemoOrganisations.class);

    private final String seed;

    public DemoOrganisations(@ConfigProperty(name = "yhdyspinta.organisations.seed", defaultValue = "none") String seed) {
        this.seed = seed;
    }

    void seed(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) throws Throwable {
        if (!"demo".equalsIgnoreCase(seed)) {
            return;
        }
        List<SeedOrganisation> demo = SeedOrganisation.demo();
        Integer inserted = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache
                .getSession().chain(session -> session
                        .createNativeQuery("select count(*) from organisation", Long.class).getSingleResult()
                        .chain(count -> count > 0 ? Uni.createFrom().item(0) : insert(demo)))));
        if (inserted > 0) {
            LOG.infof("organisation sector replica seeded with %d demo organisations", inserted);
        }
    }

    private static Uni<Integer> insert(List<SeedOrganisation> demo) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (SeedOrganisation org : demo) {
            chain = chain.chain(sum -> Panache.getSession().chain(session -> session.createNativeQuery(
                    "insert into organisation (oid, sector, active, version, updated_at) "
                            + "values (:oid, :sector, :active, 0, :at) on conflict (oid) do nothing")
                    .setParameter("oid", org.oid())
                    .setParameter("sector", org.sector().name())
                    .setParameter("active", org.active())
                    .setParameter("at", now)
                    .executeUpdate()).map(n -> sum + n));
        }
        return chain;
    }
}
