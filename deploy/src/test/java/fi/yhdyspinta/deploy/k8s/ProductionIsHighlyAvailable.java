package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Production survives the loss of a node: three KRaft nodes (controllers and brokers) with replication 3 and min ISR
 * 2, two to six instances of every service behind a PodDisruptionBudget, two Keycloak instances. overlays/local runs
 * one of each.
 */
class ProductionIsHighlyAvailable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kafkaHasThreeControllerAndBrokerNodesOnPersistentStorage() {
        Manifests production = Manifests.production();
        JsonNode kafka = production.ofKind("Kafka").get(0);
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        int controllers = 0;
        int brokers = 0;
        for (JsonNode pool : production.ofKind("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(Manifests.name(kafka));
            int replicas = pool.path("spec").path("replicas").asInt();
            controllers += contains(pool, "controller") ? replicas : 0;
            brokers += contains(pool, "broker") ? replicas : 0;
            pool.path("spec").path("storage").path("volumes").forEach(volume -> {
                assertThat(volume.path("type").asText()).isEqualTo("persistent-claim");
                assertThat(volume.path("deleteClaim").asBoolean()).as("production keeps its data").isFalse();
            });
        }
        assertThat(controllers).isEqualTo(3);
        assertThat(brokers).isEqualTo(3);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);

        assertThat(Manifests.local().ofKind("KafkaNodePool").get(0).path("spec").path("replicas").asInt()).isEqualTo(1);
    }

    @Test
    void everyServiceScalesFromTwoToSixAndKeepsOneThroughDisruptions() {
        Manifests production = Manifests.production();
        for (JsonNode deployment : production.serviceDeployments()) {
            String name = Manifests.name(deployment);
            assertThat(deployment.path("spec").path("replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
            JsonNode hpa = production.get("HorizontalPodAutoscaler", name).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(name);
            assertThat(hpa.path("minReplicas").asInt()).as(name).isEqualTo(2);
            assertThat(hpa.path("maxReplicas").asInt()).as(name).isEqualTo(6);
            assertThat(hpa.path("metrics").findValuesAsText("name")).as(name).contains("cpu");

            JsonNode pdb = production.ofKind("PodDisruptionBudget").stream()
                    .filter(budget -> selects(budget.path("spec").path("selector"), deployment)).findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + name));
            assertThat(pdb.path("spec").path("minAvailable").asInt()).as(name).isEqualTo(1);
        }
        assertThat(production.ofKind("Keycloak").get(0).path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void localRunsOneOfEachAndNoDisruptionBudgetThatWouldBlockADrain() {
        Manifests local = Manifests.local();
        for (JsonNode deployment : local.serviceDeployments()) {
            assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        }
        assertThat(local.ofKind("PodDisruptionBudget")).isEmpty();
        local.ofKind("Cluster").forEach(cluster -> assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(1));
    }

    private static boolean contains(JsonNode pool, String role) {
        for (JsonNode r : pool.path("spec").path("roles")) {
            if (r.asText().equals(role)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static boolean selects(JsonNode selector, JsonNode deployment) {
        Map<String, String> wanted = JSON.convertValue(selector.path("matchLabels"), Map.class);
        Map<String, String> labels = JSON.convertValue(deployment.path("spec").path("template").path("metadata").path("labels"), Map.class);
        return wanted != null && !wanted.isEmpty() && labels.entrySet().containsAll(wanted.entrySet());
    }
}
