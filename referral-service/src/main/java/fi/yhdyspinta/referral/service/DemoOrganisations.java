package fi.yhdyspinta.referral.service;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import fi.yhdyspinta.platform.registry.SeedOrganisation;
import fi.yhdyspinta.referral.config.RegistryConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * With {@code yhdyspinta.organisations.seed=demo}, fills an empty registry replica from the demo seed at
 * version 0, before the consumers start: the dev and test profiles and a fresh local stack can record
 * needs before consent-service's first {@code organisation-changed}, which then overwrites these rows.
 */
@ApplicationScoped
public class DemoOrganisations {

    private static final Logger LOG = Logger.getLogger(DemoOrganisations.class);

    private final RegistryConfig config;

    public DemoOrganisations(RegistryConfig config) {
        this.config = config;
    }

    void seed(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) throws Throwable {
        if (config.seed() != RegistryConfig.Seed.DEMO) {
            return;
        }
        List<SeedOrganisation> demo = SeedOrganisation.demo();
        Integer inserted = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache
                .getSession().chain(session -> session
                        .createNativeQuery("select count(*) from organisation", Long.class).getSingleResult()
                        .chain(count -> count > 0 ? Uni.createFrom().item(0) : insert(demo)))));
        if (inserted > 0) {
            LOG.infof("organisation registry replica seeded with %d demo organisations", inserted);
        }
    }

    private static Uni<Integer> insert(List<SeedOrganisation> demo) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (SeedOrganisation org : demo) {
            chain = chain.chain(sum -> Panache.getSession().chain(session -> session.createNativeQuery(
                    "insert into organisation (oid, sector, municipality, active, version, updated_at) "
                            + "values (:oid, :sector, :municipality, :active, 0, now()) on conflict (oid) do nothing")
                    .setParameter("oid", org.oid())
                    .setParameter("sector", org.sector().name())
                    .setParameter("municipality", org.municipality())
                    .setParameter("active", org.active())
                    .executeUpdate()).map(n -> sum + n));
        }
        return chain;
    }
}
