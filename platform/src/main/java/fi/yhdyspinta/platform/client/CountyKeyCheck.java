package fi.yhdyspinta.platform.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service without a real county key. The key turns every henkilötunnus into the
 * county-wide client id; a production start with no key, a short key, or the development key published
 * in this repository would pseudonymise nobody. Only the dev and test profiles carry a development key.
 */
@ApplicationScoped
public class CountyKeyCheck {

    public static final String PROPERTY = "yhdyspinta.client-id.county-key";
    static final String DEVELOPMENT_KEY_MARKER = "not-for-production-use";

    void onStart(@Observes StartupEvent event) {
        String key = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse(null);
        problemWith(key, LaunchMode.current()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the service must not start with this key in this launch mode, or empty when it may. */
    static java.util.Optional<String> problemWith(String key, LaunchMode mode) {
        if (key == null || key.isBlank()) {
            return java.util.Optional.of(PROPERTY + " is not set (environment YHDYSPINTA_CLIENT_ID_COUNTY_KEY): "
                    + "a service cannot pseudonymise clients without the county key");
        }
        if (key.length() < 32) {
            return java.util.Optional.of(PROPERTY + " must have at least 32 characters");
        }
        if (mode == LaunchMode.NORMAL && key.contains(DEVELOPMENT_KEY_MARKER)) {
            return java.util.Optional.of(PROPERTY + " is the development key published in the repository; "
                    + "set the county's own key");
        }
        return java.util.Optional.empty();
    }
}
