package fi.yhdyspinta.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import fi.yhdyspinta.platform.registry.SeedOrganisation;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Seeds an empty registry with the demo organisations when {@code yhdyspinta.organisations.seed=demo}
 * (the dev and test profiles; the local stack sets {@code YHDYSPINTA_ORGANISATIONS_SEED=demo}). A
 * production start has no seed: a county loads its registry with {@code PUT /organisations/{oid}}.
 * Seeding goes through the registry's own path, so every seeded organisation is announced.
 */
@ApplicationScoped
public class OrganisationSeed {

    /** Which seed an empty registry gets. */
    public enum Seed {
        NONE,
        DEMO
    }

    @ConfigMapping(prefix = "yhdyspinta.organisations")
    public interface Config {
        @WithDefault("none")
        Seed seed();
    }

    private final OrganisationService organisations;
    private final Config config;

    public OrganisationSeed(OrganisationService organisations, Config config) {
        this.organisations = organisations;
        this.config = config;
    }

    /** Blocks the start until seeded, so that no request or event meets a registry still being seeded. */
    void seed(@Observes StartupEvent started) throws Throwable {
        if (config.seed() == Seed.DEMO) {
            VertxContextSupport.subscribeAndAwait(() -> organisations.seedIfEmpty(SeedOrganisation.demo()));
        }
    }
}
