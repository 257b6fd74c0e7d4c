package fi.yhdyspinta.deploy.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** deploy/k8s resolved like {@code kubectl kustomize}, once per JVM, and ways to find things in it. */
final class Manifests {

    /** The deploy module's directory is the tests' working directory. */
    static final Path K8S = Path.of("k8s");
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final Map<String, Manifests> BUILT = new ConcurrentHashMap<>();

    final String name;
    final List<ObjectNode> resources;

    private Manifests(String name, List<ObjectNode> resources) {
        this.name = name;
        this.resources = resources;
    }

    static Manifests base() {
        return BUILT.computeIfAbsent("base", name -> new Manifests(name, Kustomize.build(K8S.resolve("base"))));
    }

    static Manifests local() {
        return overlay("local");
    }

    static Manifests production() {
        return overlay("production");
    }

    static List<Manifests> overlays() {
        return List.of(local(), production());
    }

    static List<Manifests> all() {
        return List.of(base(), local(), production());
    }

    private static Manifests overlay(String overlay) {
        return BUILT.computeIfAbsent(overlay,
                name -> new Manifests(name, Kustomize.build(K8S.resolve("overlays").resolve(name))));
    }

    List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name(resource).equals(name)).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** The Deployments of the suite's services (label app.kubernetes.io/component: service). */
    List<ObjectNode> serviceDeployments() {
        return ofKind("Deployment").stream()
                .filter(d -> d.path("metadata").path("labels").path("app.kubernetes.io/component").asText().equals("service"))
                .toList();
    }

    /** The Deployments of the suite's own images: the services and the ops console (component ops). */
    List<ObjectNode> suiteDeployments() {
        return ofKind("Deployment").stream()
                .filter(d -> List.of("service", "ops").contains(d.path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                .toList();
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    static Optional<JsonNode> env(JsonNode deployment, String variable) {
        return StreamSupport.stream(container(deployment).path("env").spliterator(), false)
                .filter(entry -> entry.path("name").asText().equals(variable)).findFirst();
    }

    /** An environment variable's value, following configMapKeyRef into this output; empty for a Secret's. */
    Optional<String> envValue(JsonNode deployment, String variable) {
        return env(deployment, variable).flatMap(entry -> {
            if (entry.has("value")) {
                return Optional.of(entry.path("value").asText());
            }
            JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
            if (ref.isMissingNode()) {
                return Optional.empty();
            }
            return find("ConfigMap", ref.path("name").asText())
                    .map(map -> map.path("data").path(ref.path("key").asText()))
                    .filter(value -> !value.isMissingNode()).map(JsonNode::asText);
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
