package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DESIGN §3: each service owns its database. Here: its own CloudNativePG Cluster, bootstrapped with the service's
 * database and owner, whose operator-made Secret (&lt;cluster&gt;-app) gives the service its credentials; no two
 * services share a cluster.
 */
class EveryServiceOwnsItsDatabaseCluster {

    @Test
    void oneClusterPerServiceWithItsDatabaseAndOwner() {
        for (Manifests manifests : Manifests.overlays()) {
            Set<String> clusters = new HashSet<>();
            for (JsonNode deployment : manifests.serviceDeployments()) {
                URI url = URI.create(manifests.envValue(deployment, "QUARKUS_DATASOURCE_REACTIVE_URL").orElseThrow());
                assertThat(url.getHost()).as("%s: %s connects to a cluster's read-write Service", manifests,
                        Manifests.name(deployment)).endsWith("-rw");
                String cluster = url.getHost().substring(0, url.getHost().length() - 3);
                String database = url.getPath().substring(1);
                assertThat(clusters.add(cluster)).as("%s: %s shares %s", manifests, Manifests.name(deployment), cluster).isTrue();

                JsonNode initdb = manifests.get("Cluster", cluster).path("spec").path("bootstrap").path("initdb");
                assertThat(initdb.path("database").asText()).as(cluster).isEqualTo(database);
                assertThat(initdb.path("owner").asText()).as(cluster).isEqualTo(database);
                assertThat(initdb.has("secret")).as("%s: CloudNativePG makes the owner's password", cluster).isFalse();
                for (String variable : new String[] { "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD" }) {
                    JsonNode ref = Manifests.env(deployment, variable).orElseThrow().path("valueFrom").path("secretKeyRef");
                    assertThat(ref.path("name").asText()).as("%s: %s", manifests, variable).isEqualTo(cluster + "-app");
                }
            }
        }
    }

    @Test
    void productionDatabasesHaveThreeInstancesOnDifferentNodes() {
        for (JsonNode cluster : Manifests.production().ofKind("Cluster")) {
            assertThat(cluster.path("spec").path("instances").asInt()).as(Kustomize.id(cluster)).isEqualTo(3);
            assertThat(cluster.path("spec").path("affinity").path("enablePodAntiAffinity").asBoolean()).isTrue();
            assertThat(cluster.path("spec").path("storage").path("size").asText()).isNotBlank();
        }
    }
}
