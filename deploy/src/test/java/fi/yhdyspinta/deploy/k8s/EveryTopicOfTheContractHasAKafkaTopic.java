package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The topics the cluster declares are exactly the AsyncAPI document's channels (events/src/main/resources/asyncapi.yaml,
 * read as it is at build time): every topic and its .dlq, nothing more. Partitions: what the document's Kafka channel
 * binding says where it says it, and never fewer than the consumers of the topic at full scale. Retention: set, below
 * the services' processed-event retention for consumed topics, longer for dead letters. Replication: 3 with min ISR 2
 * in production, 1 in local.
 */
class EveryTopicOfTheContractHasAKafkaTopic {

    private static final Path ASYNCAPI = Manifests.REPOSITORY.resolve("events/src/main/resources/asyncapi.yaml");

    /** address → channel */
    private static Map<String, JsonNode> channels;

    @BeforeAll
    static void readTheContract() {
        channels = new LinkedHashMap<>();
        Kustomize.read(ASYNCAPI).get(0).path("channels").forEach(channel -> channels.put(channel.path("address").asText(), channel));
    }

    private static Map<String, JsonNode> topics(Manifests manifests) {
        Map<String, JsonNode> topics = new TreeMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> topics.put(topic.path("spec").path("topicName").asText(), topic));
        return topics;
    }

    @Test
    void theSameTopicsAsTheContractIncludingDeadLetters() {
        assertThat(channels.keySet()).contains("needs", "needs.dlq", "consents", "consents.dlq", "referrals", "audit-anchors.dlq");
        for (Manifests manifests : Manifests.overlays()) {
            assertThat(topics(manifests).keySet()).as(manifests.name).containsExactlyInAnyOrderElementsOf(channels.keySet());
            for (String topic : channels.keySet()) {
                if (!topic.endsWith(".dlq")) {
                    assertThat(channels).as("every topic has its dead-letter topic").containsKey(topic + ".dlq");
                }
            }
        }
    }

    @Test
    void everyTopicBelongsToTheClusterOfTheKafkaResource() {
        for (Manifests manifests : Manifests.overlays()) {
            String cluster = Manifests.name(manifests.ofKind("Kafka").get(0));
            manifests.ofKind("KafkaTopic").forEach(topic -> assertThat(
                    topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(Kustomize.id(topic)).isEqualTo(cluster));
        }
    }

    @Test
    void partitionsAreWhatTheContractSaysAndEnoughForEveryConsumerAtFullScale() {
        List<ServiceModules> services = ServiceModules.all();
        for (Manifests manifests : Manifests.overlays()) {
            topics(manifests).forEach((name, topic) -> {
                int partitions = topic.path("spec").path("partitions").asInt();
                assertThat(partitions).as(name).isPositive();
                JsonNode binding = channels.get(name).path("bindings").path("kafka").path("partitions");
                if (!binding.isMissingNode()) {
                    assertThat(partitions).as(name + " partitions in the AsyncAPI binding").isEqualTo(binding.asInt());
                }
                for (ServiceModules service : services) {
                    Integer concurrency = service.consumedTopics().get(name);
                    if (concurrency != null) {
                        int maxReplicas = manifests.get("HorizontalPodAutoscaler", service.applicationName())
                                .path("spec").path("maxReplicas").asInt();
                        assertThat(partitions).as("%s: %s consumers of %s at full scale (%d instances x concurrency %d)",
                                manifests, service, name, maxReplicas, concurrency).isGreaterThanOrEqualTo(maxReplicas * concurrency);
                    }
                }
            });
        }
    }

    @Test
    void consumedTopicsForgetBeforeTheServicesForgetWhatTheyHandled() {
        // the platform services' inboxes (the ops console keeps no record of what it read: nothing to forget)
        for (ServiceModules service : ServiceModules.platformServices()) {
            Duration processedEventsKept = duration(service.production("yhdyspinta.retention.period").orElseThrow());
            for (String name : service.consumedTopics().keySet()) {
                JsonNode config = Manifests.production().ofKind("KafkaTopic").stream()
                        .filter(topic -> topic.path("spec").path("topicName").asText().equals(name)).findFirst().orElseThrow()
                        .path("spec").path("config");
                if (config.path("cleanup.policy").asText().equals("delete")) {
                    assertThat(Duration.ofMillis(config.path("retention.ms").asLong())).as("%s reads %s", service, name)
                            .isPositive().isLessThan(processedEventsKept);
                }
            }
        }
    }

    @Test
    void deadLettersAreKeptAtLeastAsLongAsTheirTopic() {
        Map<String, JsonNode> topics = topics(Manifests.production());
        topics.forEach((name, topic) -> {
            JsonNode config = topic.path("spec").path("config");
            assertThat(config.has("retention.ms")).as(name + " has a retention").isTrue();
            assertThat(config.path("cleanup.policy").asText()).as(name).isIn("delete", "compact");
            if (name.endsWith(".dlq")) {
                long dlq = retention(config);
                long main = retention(topics.get(name.substring(0, name.length() - 4)).path("spec").path("config"));
                assertThat(dlq).as(name).isGreaterThanOrEqualTo(main);
                assertThat(config.path("cleanup.policy").asText()).as(name + ": every dead letter kept").isEqualTo("delete");
            }
        });
        // "Keep it for as long as the audit records are kept (no shorter retention, never compacted)"
        JsonNode anchors = topics.get("audit-anchors").path("spec").path("config");
        assertThat(anchors.path("cleanup.policy").asText()).isEqualTo("delete");
        assertThat(anchors.path("retention.ms").asLong()).isEqualTo(-1);
    }

    @Test
    void productionKeepsThreeReplicasAndTwoInSyncLocalOne() {
        for (JsonNode topic : Manifests.production().ofKind("KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(Kustomize.id(topic)).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(Kustomize.id(topic)).isEqualTo(2);
        }
        for (JsonNode topic : Manifests.local().ofKind("KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(Kustomize.id(topic)).isEqualTo(1);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(Kustomize.id(topic)).isEqualTo(1);
        }
    }

    private static long retention(JsonNode config) {
        long ms = config.path("retention.ms").asLong();
        return ms < 0 ? Long.MAX_VALUE : ms;
    }

    /** Quarkus' short durations (7d, 1h, 30s) and ISO-8601 */
    static Duration duration(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 's' -> Duration.ofSeconds(amount);
            default -> throw new IllegalArgumentException(value);
        };
    }
}
