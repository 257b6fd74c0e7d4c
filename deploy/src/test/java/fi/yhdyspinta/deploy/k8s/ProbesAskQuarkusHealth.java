package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kubernetes asks Quarkus' SmallRye Health: started (startup probe, Flyway may take a while), ready (DOWN while the
 * database or the broker does not answer: no traffic, no restart) and live (restart), on the container's HTTP port.
 */
class ProbesAskQuarkusHealth {

    @Test
    void startupReadinessAndLivenessPointAtQuarkusHealth() {
        for (Manifests manifests : Manifests.overlays()) {
            for (JsonNode deployment : manifests.suiteDeployments()) {
                JsonNode container = Manifests.container(deployment);
                String what = manifests + ": " + Manifests.name(deployment);
                assertThat(get(container, "startupProbe").path("path").asText()).as(what).isEqualTo("/q/health/started");
                assertThat(get(container, "readinessProbe").path("path").asText()).as(what).isEqualTo("/q/health/ready");
                assertThat(get(container, "livenessProbe").path("path").asText()).as(what).isEqualTo("/q/health/live");
                for (String probe : new String[] { "startupProbe", "readinessProbe", "livenessProbe" }) {
                    String port = get(container, probe).path("port").asText();
                    assertThat(container.path("ports").findValuesAsText("name")).as(what + " " + probe).contains(port);
                }
            }
        }
    }

    @Test
    void theStartupProbeGivesFlywayMinutesBeforeLivenessCounts() {
        for (JsonNode deployment : Manifests.production().serviceDeployments()) {
            JsonNode startup = Manifests.container(deployment).path("startupProbe");
            assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt())
                    .as(Manifests.name(deployment)).isGreaterThanOrEqualTo(120);
        }
    }

    private static JsonNode get(JsonNode container, String probe) {
        return container.path(probe).path("httpGet");
    }
}
