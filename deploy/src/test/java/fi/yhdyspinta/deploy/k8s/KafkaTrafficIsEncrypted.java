package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka cluster has only TLS listeners, and every service (and the ops console) reaches it on one: the bootstrap
 * address names the TLS listener's port, and they read the client's TLS settings from a mounted file
 * (QUARKUS_CONFIG_LOCATIONS) that trusts the cluster CA Strimzi keeps in &lt;cluster&gt;-cluster-ca-cert.
 */
class KafkaTrafficIsEncrypted {

    @Test
    void everyListenerUsesTls() {
        for (Manifests manifests : Manifests.overlays()) {
            JsonNode listeners = manifests.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners");
            assertThat(listeners).isNotEmpty();
            listeners.forEach(listener -> assertThat(listener.path("tls").asBoolean()).as(manifests + " " + listener).isTrue());
        }
    }

    @Test
    void servicesConnectWithTlsTrustingTheClusterCa() throws IOException {
        for (Manifests manifests : Manifests.overlays()) {
            JsonNode kafka = manifests.ofKind("Kafka").get(0);
            String cluster = Manifests.name(kafka);
            int tlsPort = kafka.path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
            for (JsonNode deployment : manifests.suiteDeployments()) {
                String what = manifests + ": " + Manifests.name(deployment);
                assertThat(manifests.envValue(deployment, "KAFKA_BOOTSTRAP_SERVERS")).as(what)
                        .contains(cluster + "-kafka-bootstrap:" + tlsPort);

                String location = manifests.envValue(deployment, "QUARKUS_CONFIG_LOCATIONS").orElseThrow();
                Properties client = new Properties();
                client.load(new StringReader(mountedFile(manifests, deployment, location.replaceFirst("^file:", ""))));
                assertThat(client.getProperty("kafka.security.protocol")).as(what).isEqualTo("SSL");
                assertThat(client.getProperty("kafka.ssl.truststore.type")).as(what).isEqualTo("PEM");

                String truststore = client.getProperty("kafka.ssl.truststore.location");
                JsonNode volume = volumeFor(deployment, truststore);
                assertThat(volume.path("secret").path("secretName").asText()).as(what).isEqualTo(cluster + "-cluster-ca-cert");
                assertThat(volume.path("secret").path("items").findValuesAsText("key")).contains("ca.crt");
            }
        }
    }

    /** The content of the ConfigMap key that a volume mount puts at the file's path. */
    private static String mountedFile(Manifests manifests, JsonNode deployment, String file) {
        JsonNode volume = volumeFor(deployment, file);
        String configMap = volume.path("configMap").path("name").asText();
        String key = file.substring(file.lastIndexOf('/') + 1);
        JsonNode data = manifests.get("ConfigMap", configMap).path("data").path(key);
        assertThat(data.isTextual()).as(configMap + " has " + key).isTrue();
        return data.asText();
    }

    private static JsonNode volumeFor(JsonNode deployment, String file) {
        for (JsonNode mount : Manifests.container(deployment).path("volumeMounts")) {
            String path = mount.path("mountPath").asText();
            if (file.startsWith(path + "/") && file.indexOf('/', path.length() + 1) < 0) {
                for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume;
                    }
                }
            }
        }
        throw new AssertionError(Manifests.name(deployment) + " mounts nothing at " + file);
    }
}
