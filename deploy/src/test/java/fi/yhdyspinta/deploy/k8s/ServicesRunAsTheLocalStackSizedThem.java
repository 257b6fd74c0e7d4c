package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The JVM runs as deploy/local/up.sh runs it (docs/performance.md: ~160 MB heap, RSS ~350 MB), so the figures the
 * benchmark measured hold: JAVA_OPTS are up.sh's defaults, memory request 384Mi and limit 512Mi, cpu request 250m.
 */
class ServicesRunAsTheLocalStackSizedThem {

    @Test
    void javaOptionsAreTheLocalStacksDefaults() throws IOException {
        String upSh = Files.readString(Manifests.REPOSITORY.resolve("deploy/local/up.sh"));
        Matcher m = Pattern.compile("DEFAULT_SERVICE_JAVA_OPTS=\"([^\"]+)\"").matcher(upSh);
        assertThat(m.find()).isTrue();
        for (Manifests manifests : Manifests.overlays()) {
            for (JsonNode deployment : manifests.serviceDeployments()) {
                assertThat(manifests.envValue(deployment, "JAVA_OPTS")).as("%s: %s", manifests, Manifests.name(deployment))
                        .contains(m.group(1));
            }
        }
    }

    @Test
    void productionRequestsAndLimitsFollowTheMeasuredFootprint() {
        for (JsonNode deployment : Manifests.production().serviceDeployments()) {
            JsonNode resources = Manifests.container(deployment).path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).isEqualTo("250m");
            assertThat(resources.path("requests").path("memory").asText()).isEqualTo("384Mi");
            assertThat(resources.path("limits").path("memory").asText()).isEqualTo("512Mi");
        }
    }

    @Test
    void heapMetaspaceAndCodeCacheFitUnderTheMemoryLimit() {
        for (Manifests manifests : Manifests.overlays()) {
            for (JsonNode deployment : manifests.serviceDeployments()) {
                String options = manifests.envValue(deployment, "JAVA_OPTS").orElseThrow();
                long jvm = megabytes(options, "-Xmx") + megabytes(options, "-XX:MaxMetaspaceSize=")
                        + megabytes(options, "-XX:ReservedCodeCacheSize=");
                long limit = Quantity.getAmountInBytes(new Quantity(
                        Manifests.container(deployment).path("resources").path("limits").path("memory").asText()))
                        .longValue() / (1024 * 1024);
                assertThat(jvm).as("%s: %s heap + metaspace + code cache (MB) under the limit", manifests,
                        Manifests.name(deployment)).isLessThan(limit);
                long request = Quantity.getAmountInBytes(new Quantity(
                        Manifests.container(deployment).path("resources").path("requests").path("memory").asText()))
                        .longValue() / (1024 * 1024);
                assertThat(request).as("requests within the limit").isLessThanOrEqualTo(limit);
            }
        }
    }

    private static long megabytes(String options, String flag) {
        Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\d+)([mMgG])").matcher(options);
        assertThat(m.find()).as(flag + " in " + options).isTrue();
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equalsIgnoreCase("g") ? amount * 1024 : amount;
    }
}
