package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One release: every service (and the ops console) runs ghcr.io/yhdyspinta/&lt;name&gt; with the same tag, set in
 * one place (the kustomization's images:), never "latest" and never left to the image's default.
 */
class AllServicesRunOneImageTag {

    private static final String REGISTRY = "ghcr.io/yhdyspinta/";

    @Test
    void everyServiceImageCarriesTheSameExplicitTag() {
        for (Manifests manifests : Manifests.overlays()) {
            Set<String> tags = new HashSet<>();
            assertThat(manifests.suiteDeployments()).as(manifests.name).hasSizeGreaterThanOrEqualTo(4);
            for (JsonNode deployment : manifests.suiteDeployments()) {
                String image = Manifests.container(deployment).path("image").asText();
                assertThat(Kustomize.imageName(image)).as(image).isEqualTo(REGISTRY + Manifests.name(deployment));
                String tag = Kustomize.imageTag(image);
                assertThat(tag).as("%s: %s", manifests, image).isNotBlank().isNotEqualTo("latest");
                tags.add(tag);
            }
            assertThat(tags).as(manifests + ": one tag for all services").hasSize(1);
        }
    }

    @Test
    void theTagIsSetOnlyByTheKustomizationsImages() {
        for (JsonNode resource : Kustomize.read(Manifests.K8S.resolve("base/services/referral-service.yaml"))) {
            if (resource.path("kind").asText().equals("Deployment")) {
                assertThat(Kustomize.imageTag(Manifests.container(resource).path("image").asText()))
                        .as("the manifest names the image, the kustomization its tag").isNull();
            }
        }
        JsonNode kustomization = Kustomize.read(Manifests.K8S.resolve("base/kustomization.yaml")).get(0);
        Set<String> tags = new HashSet<>();
        kustomization.path("images").forEach(image -> {
            assertThat(image.path("name").asText()).startsWith(REGISTRY);
            tags.add(image.path("newTag").asText());
        });
        assertThat(tags).hasSize(1);
    }
}
