package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every resource of base, overlays/local and overlays/production reads into its Java model — fabric8 for Kubernetes
 * and the Prometheus operator, Strimzi's API model for Kafka — with no field the model does not know; so does every
 * kustomization.yaml (fabric8's kustomize model). A typo is an unknown field and fails here, not at kubectl apply.
 */
class EveryManifestParsesStrictlyIntoItsModel {

    static List<Manifests> outputs() {
        return Manifests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void everyResourceReadsIntoItsModelWithNoUnknownField(Manifests manifests) {
        assertThat(manifests.resources).isNotEmpty();
        for (ObjectNode resource : manifests.resources) {
            assertThat(StrictModels.read(resource)).as(Kustomize.id(resource)).isNotNull();
        }
    }

    @Test
    void everyKustomizationReadsIntoTheKustomizeModel() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Manifests.K8S)) {
            kustomizations = files.filter(file -> file.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).hasSize(3);
        for (Path file : kustomizations) {
            JsonNode tree = Kustomize.read(file).get(0);
            Kustomization model = Kustomize.YAML.treeToValue(tree, Kustomization.class);
            assertThat(model.getAdditionalProperties()).as(file + " fields unknown to kustomize").isEmpty();
        }
    }

    @Test
    void aMisspelledFieldIsRefused() throws IOException {
        ObjectNode topic = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: needs
                spec:
                  partition: 12
                """);
        assertThatThrownBy(() -> StrictModels.read(topic)).hasMessageContaining("spec.partition");

        ObjectNode deployment = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: referral-service
                spec:
                  template:
                    spec:
                      containers:
                        - name: referral-service
                          readinessProbe:
                            httpGet:
                              pat: /q/health/ready
                """);
        assertThatThrownBy(() -> StrictModels.read(deployment)).hasMessageContaining("httpGet.pat");
    }

    @Test
    void aMistypedValueIsRefused() throws IOException {
        ObjectNode topic = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: needs
                spec:
                  partitions: twelve
                """);
        assertThatThrownBy(() -> StrictModels.read(topic)).hasMessageContaining("does not read into");
    }

    @Test
    void aKindWithoutAModelIsRefused() throws IOException {
        ObjectNode unknown = (ObjectNode) Kustomize.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopc
                metadata:
                  name: needs
                """);
        assertThatThrownBy(() -> StrictModels.read(unknown)).hasMessageContaining("no model");
    }

    @Test
    void strimziResourcesReadIntoStrimzisOwnClasses() {
        Object topic = StrictModels.read(Manifests.production().get("KafkaTopic", "consents"));
        assertThat(topic).isInstanceOf(KafkaTopic.class);
        assertThat(((KafkaTopic) topic).getSpec().getTopicName()).isEqualTo("consents");
    }
}
