package fi.yhdyspinta.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code yhdyspinta.organisations.*}: how the organisation registry replica starts. */
@ConfigMapping(prefix = "yhdyspinta.organisations")
public interface RegistryConfig {

    /**
     * {@code demo}: an empty replica is filled from the demo seed at start (version 0), so that the
     * dev and test profiles and a fresh local stack work before consent-service's first
     * {@code organisation-changed}. {@code none} (the default): the replica waits for the events.
     */
    @WithDefault("none")
    Seed seed();

    enum Seed {
        NONE,
        DEMO
    }
}
