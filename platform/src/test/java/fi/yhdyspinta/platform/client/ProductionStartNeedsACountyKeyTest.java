package fi.yhdyspinta.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** A production start without the county's own key fails; dev and test carry a development key. */
class ProductionStartNeedsACountyKeyTest {

    private static final String DEVELOPMENT_KEY = "local-development-county-key-not-for-production-use";

    @Test
    void aProductionStartWithoutAKeyFails() {
        assertThat(CountyKeyCheck.problemWith(null, LaunchMode.NORMAL)).get().asString()
                .contains("YHDYSPINTA_CLIENT_ID_COUNTY_KEY");
        assertThat(CountyKeyCheck.problemWith(" ", LaunchMode.NORMAL)).isPresent();
    }

    @Test
    void aProductionStartWithTheDevelopmentKeyFails() {
        assertThat(CountyKeyCheck.problemWith(DEVELOPMENT_KEY, LaunchMode.NORMAL)).get().asString()
                .contains("development key");
    }

    @Test
    void aShortKeyFailsInEveryMode() {
        assertThat(CountyKeyCheck.problemWith("too-short", LaunchMode.TEST)).isPresent();
    }

    @Test
    void theDevelopmentKeyServesDevAndTestOnly() {
        assertThat(CountyKeyCheck.problemWith(DEVELOPMENT_KEY, LaunchMode.TEST)).isEmpty();
        assertThat(CountyKeyCheck.problemWith(DEVELOPMENT_KEY, LaunchMode.DEVELOPMENT)).isEmpty();
        assertThat(CountyKeyCheck.problemWith("a-county-key-of-at-least-thirty-two-characters", LaunchMode.NORMAL))
                .isEmpty();
    }
}
