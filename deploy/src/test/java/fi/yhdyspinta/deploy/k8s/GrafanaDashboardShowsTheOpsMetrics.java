package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prometheus scrapes every service's /q/metrics (ServiceMonitor), and the Grafana dashboard (a ConfigMap labelled
 * grafana_dashboard: "1") charts the ops metrics: outbox published / quarantined / pending, inbox events by outcome
 * and retries, dead letters, HTTP requests. Every metric it queries is one the services expose: a meter the sources
 * register (Micrometer's Prometheus names: dots to underscores, counters with _total) or Quarkus' own.
 */
class GrafanaDashboardShowsTheOpsMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FRAMEWORK = Set.of("http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "http_server_requests_seconds_max", "kafka_consumer_fetch_manager_records_lag_max");

    @Test
    void theServiceMonitorScrapesEveryServiceAtQuarkusMetrics() {
        for (Manifests manifests : Manifests.overlays()) {
            JsonNode monitor = manifests.ofKind("ServiceMonitor").get(0).path("spec");
            for (JsonNode deployment : manifests.serviceDeployments()) {
                JsonNode service = manifests.get("Service", Manifests.name(deployment));
                monitor.path("selector").path("matchLabels").fields().forEachRemaining(label -> assertThat(
                        service.path("metadata").path("labels").path(label.getKey()).asText()).as(Manifests.name(service))
                        .isEqualTo(label.getValue().asText()));
                JsonNode endpoint = monitor.path("endpoints").get(0);
                assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
                assertThat(service.path("spec").path("ports").findValuesAsText("name")).contains(endpoint.path("port").asText());
            }
        }
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheServicesExposeAndCoversTheOpsOnes() throws IOException {
        Set<String> exposed = exposedMetrics();
        assertThat(exposed).contains("yhdyspinta_outbox_published_total", "yhdyspinta_outbox_pending");
        for (Manifests manifests : Manifests.overlays()) {
            JsonNode configMap = manifests.ofKind("ConfigMap").stream()
                    .filter(map -> map.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1"))
                    .findFirst().orElseThrow(() -> new AssertionError(manifests + ": no dashboard ConfigMap"));
            JsonNode dashboard = JSON.readTree(configMap.path("data").elements().next().asText());
            Set<String> queried = new TreeSet<>();
            String all = String.join("\n", dashboard.findValuesAsText("expr"));
            Matcher m = Pattern.compile("([a-z_][a-z0-9_]*)\\{").matcher(all);
            while (m.find()) {
                queried.add(m.group(1));
            }
            assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
            for (String metric : queried) {
                assertThat(exposed.contains(metric) || FRAMEWORK.contains(metric)).as(metric + " is exposed by no service").isTrue();
            }
            assertThat(queried).contains("yhdyspinta_outbox_published_total", "yhdyspinta_outbox_quarantined_total",
                    "yhdyspinta_outbox_pending", "yhdyspinta_outbox_leading", "yhdyspinta_inbox_events_total",
                    "yhdyspinta_inbox_retries_total", "http_server_requests_seconds_count");
            assertThat(all).as("dead letters: the inbox's poison outcome").contains("outcome=\"poison\"");
        }
    }

    /** Prometheus names of the meters the sources register. */
    private static Set<String> exposedMetrics() {
        Set<String> metrics = new TreeSet<>();
        Pattern counter = Pattern.compile("(?:Counter\\.builder|\\.counter)\\(\\s*\"([a-z0-9_.]+)\"");
        Pattern gauge = Pattern.compile("Gauge\\.builder\\(\\s*\"([a-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Manifests.REPOSITORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                String source = Files.readString(file);
                Matcher c = counter.matcher(source);
                while (c.find()) {
                    metrics.add(c.group(1).replace('.', '_') + "_total");
                }
                Matcher g = gauge.matcher(source);
                while (g.find()) {
                    metrics.add(g.group(1).replace('.', '_'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return metrics;
    }
}
