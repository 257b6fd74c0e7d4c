package fi.yhdyspinta.ops;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's settings: {@code yhdyspinta.ops.*}. */
@ConfigMapping(prefix = "yhdyspinta.ops")
public interface OpsConfig {

    /** The services the console watches, by name: {@code yhdyspinta.ops.services.<name>.url}. */
    Map<String, Service> services();

    Events events();

    /** How long a call to a service or the broker may take before the console shows it as unreachable. */
    @WithDefault("5s")
    Duration callTimeout();

    interface Service {
        /** Base URL, e.g. {@code http://referral-service:8081}. */
        String url();
    }

    interface Events {
        /** The console's own consumer group on the family topics (one console instance per group). */
        @WithDefault("ops-console")
        String group();

        /** How many of the latest events the console keeps for timelines and a page's first rows. */
        @WithDefault("5000")
        int kept();
    }
}
