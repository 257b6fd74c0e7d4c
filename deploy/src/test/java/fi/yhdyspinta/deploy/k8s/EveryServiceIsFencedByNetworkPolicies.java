package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Default deny; a service reaches only its own database cluster, the Kafka brokers, the Keycloak issuer, DNS and what
 * its own configuration names (care-plan-service → consent-service; notification-service → the SMTP relay on the
 * mailer port; the ops console → the four services, by its YHDYSPINTA_OPS_SERVICES_*_URL); it is reached only from
 * the ingress controller's namespace, Prometheus' namespace and the deployments whose configuration names it. The
 * ops console (no database) is fenced by the same rules.
 */
class EveryServiceIsFencedByNetworkPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNamespaceDeniesEverythingByDefault() {
        for (Manifests manifests : Manifests.overlays()) {
            assertThat(manifests.ofKind("NetworkPolicy")).as(manifests.name).anySatisfy(policy -> {
                JsonNode spec = policy.path("spec");
                assertThat(spec.path("podSelector").isEmpty()).isTrue();
                assertThat(List.of(spec.path("policyTypes").get(0).asText(), spec.path("policyTypes").get(1).asText()))
                        .containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(spec.has("ingress") || spec.has("egress")).isFalse();
            });
        }
    }

    @Test
    void everyServiceHasAPolicyOfItsOwnThatLetsItWork() {
        for (Manifests manifests : Manifests.overlays()) {
            for (JsonNode deployment : manifests.suiteDeployments()) {
                String what = manifests + ": " + Manifests.name(deployment);
                assertThat(policiesOf(manifests, deployment)).as(what)
                        .anySatisfy(policy -> assertThat(policy.path("spec").path("podSelector").path("matchLabels").isEmpty()).isFalse());
                List<JsonNode> peers = egressPeers(manifests, deployment);
                ownCluster(manifests, deployment).ifPresent(cluster -> assertThat(peers).as(what + " reaches its database")
                        .anySatisfy(peer -> assertThat(label(peer, "cnpg.io/cluster")).contains(cluster)));
                for (Map<String, String> named : namedServices(manifests, deployment)) {
                    assertThat(peers).as(what + " reaches " + named).anySatisfy(peer -> assertThat(matchLabels(peer)).isEqualTo(named));
                }
                assertThat(peers).as(what + " reaches the brokers").anySatisfy(peer -> assertThat(
                        label(peer, "strimzi.io/cluster")).contains(Manifests.name(manifests.ofKind("Kafka").get(0))));
                assertThat(peers).as(what + " reaches Keycloak").anySatisfy(peer -> assertThat(
                        label(peer, "app.kubernetes.io/instance")).contains(Manifests.name(manifests.ofKind("Keycloak").get(0))));
            }
        }
    }

    @Test
    void aServiceReachesNothingElse() {
        for (Manifests manifests : Manifests.overlays()) {
            String kafka = Manifests.name(manifests.ofKind("Kafka").get(0));
            String keycloak = Manifests.name(manifests.ofKind("Keycloak").get(0));
            for (JsonNode deployment : manifests.suiteDeployments()) {
                String what = manifests + ": " + Manifests.name(deployment);
                Optional<String> cluster = ownCluster(manifests, deployment);
                String mailerPort = manifests.envValue(deployment, "QUARKUS_MAILER_PORT").orElse(null);
                List<Map<String, String>> named = namedServices(manifests, deployment);
                for (JsonNode policy : policiesOf(manifests, deployment)) {
                    for (JsonNode rule : policy.path("spec").path("egress")) {
                        assertThat(rule.path("to").isEmpty()).as(what + ": an egress rule to anywhere in " + Manifests.name(policy)).isFalse();
                        for (JsonNode peer : rule.path("to")) {
                            boolean dns = label(peer.path("namespaceSelector"), "kubernetes.io/metadata.name").equals(Optional.of("kube-system"))
                                    && label(peer, "k8s-app").equals(Optional.of("kube-dns"));
                            boolean database = peer.path("namespaceSelector").isMissingNode() && cluster.isPresent()
                                    && label(peer, "cnpg.io/cluster").equals(cluster);
                            boolean brokers = label(peer, "strimzi.io/cluster").equals(Optional.of(kafka));
                            boolean issuer = label(peer, "app.kubernetes.io/instance").equals(Optional.of(keycloak));
                            boolean configured = named.stream().anyMatch(selector -> selector.equals(matchLabels(peer)));
                            boolean smtp = peer.has("ipBlock") && mailerPort != null
                                    && rule.path("ports").findValuesAsText("port").equals(List.of(mailerPort));
                            assertThat(dns || database || brokers || issuer || configured || smtp)
                                    .as("%s may not reach %s (policy %s)", what, peer, Manifests.name(policy)).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void aServiceIsReachedOnlyFromTheIngressControllerPrometheusAndServicesConfiguredToCallIt() {
        for (Manifests manifests : Manifests.overlays()) {
            for (JsonNode deployment : manifests.suiteDeployments()) {
                String what = manifests + ": " + Manifests.name(deployment);
                List<Map<String, String>> callers = new ArrayList<>();
                for (JsonNode caller : manifests.suiteDeployments()) {
                    if (namedServices(manifests, caller).contains(podLabels(deployment, "app.kubernetes.io/name"))) {
                        callers.add(podLabels(caller, "app.kubernetes.io/name"));
                    }
                }
                for (JsonNode policy : policiesOf(manifests, deployment)) {
                    for (JsonNode rule : policy.path("spec").path("ingress")) {
                        assertThat(rule.path("from").isEmpty()).as(what + ": ingress from anywhere").isFalse();
                        for (JsonNode peer : rule.path("from")) {
                            Optional<String> role = label(peer.path("namespaceSelector"), "yhdyspinta.fi/network-role");
                            boolean fromOutside = role.isPresent() && List.of("ingress", "monitoring").contains(role.get())
                                    && !peer.has("podSelector");
                            boolean caller = !peer.has("namespaceSelector") && callers.contains(matchLabels(peer));
                            assertThat(fromOutside || caller).as("%s may not be reached from %s", what, peer).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void aServiceAdmitsTheDeploymentsConfiguredToCallIt() {
        for (Manifests manifests : Manifests.overlays()) {
            List<String> calls = new ArrayList<>();
            for (JsonNode caller : manifests.suiteDeployments()) {
                for (JsonNode callee : manifests.suiteDeployments()) {
                    if (namedServices(manifests, caller).contains(podLabels(callee, "app.kubernetes.io/name"))) {
                        calls.add(Manifests.name(caller) + " → " + Manifests.name(callee));
                        List<JsonNode> admitted = new ArrayList<>();
                        policiesOf(manifests, callee).forEach(policy -> policy.path("spec").path("ingress")
                                .forEach(rule -> rule.path("from").forEach(admitted::add)));
                        assertThat(admitted).as("%s: %s admits %s", manifests, Manifests.name(callee), Manifests.name(caller))
                                .anySatisfy(peer -> {
                                    assertThat(peer.has("namespaceSelector")).isFalse();
                                    assertThat(matchLabels(peer)).isEqualTo(podLabels(caller, "app.kubernetes.io/name"));
                                });
                    }
                }
            }
            assertThat(calls).as(manifests.name).contains("care-plan-service → consent-service",
                    "ops-console → referral-service", "ops-console → consent-service", "ops-console → care-plan-service",
                    "ops-console → notification-service");
        }
    }

    private static List<JsonNode> policiesOf(Manifests manifests, JsonNode deployment) {
        Map<String, String> labels = podLabels(deployment, null);
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(policy -> labels.entrySet().containsAll(matchLabels(policy.path("spec").path("podSelector")).entrySet()))
                .map(JsonNode.class::cast).toList();
    }

    private static List<JsonNode> egressPeers(Manifests manifests, JsonNode deployment) {
        List<JsonNode> peers = new ArrayList<>();
        policiesOf(manifests, deployment).forEach(policy -> policy.path("spec").path("egress")
                .forEach(rule -> rule.path("to").forEach(peers::add)));
        return peers;
    }

    /** The CloudNativePG cluster of the deployment's database; none for the ops console. */
    private static Optional<String> ownCluster(Manifests manifests, JsonNode deployment) {
        return manifests.envValue(deployment, "QUARKUS_DATASOURCE_REACTIVE_URL").map(url -> URI.create(url).getHost())
                .map(host -> host.substring(0, host.length() - "-rw".length()));
    }

    /** The pod selectors of the Services that the deployment's configuration names by URL or host. */
    private static List<Map<String, String>> namedServices(Manifests manifests, JsonNode deployment) {
        List<Map<String, String>> selectors = new ArrayList<>();
        for (JsonNode env : Manifests.container(deployment).path("env")) {
            manifests.envValue(deployment, env.path("name").asText()).ifPresent(value -> {
                String host = value.contains("://") ? URI.create(value).getHost() : value;
                manifests.find("Service", host == null ? "" : host)
                        .ifPresent(service -> selectors.add(matchLabels(service.path("spec").path("selector"), true)));
            });
        }
        return selectors;
    }

    private static Map<String, String> podLabels(JsonNode deployment, String only) {
        Map<String, String> labels = matchLabels(deployment.path("spec").path("template").path("metadata").path("labels"), true);
        return only == null ? labels : Map.of(only, labels.get(only));
    }

    private static Map<String, String> matchLabels(JsonNode selector) {
        return matchLabels(selector.path("matchLabels").isMissingNode() ? selector.path("podSelector").path("matchLabels")
                : selector.path("matchLabels"), true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> matchLabels(JsonNode labels, boolean plain) {
        Map<String, String> map = labels.isMissingNode() || labels.isNull() ? Map.of() : JSON.convertValue(labels, Map.class);
        return map == null ? Map.of() : map;
    }

    private static Optional<String> label(JsonNode peerOrSelector, String key) {
        JsonNode labels = peerOrSelector.has("podSelector") ? peerOrSelector.path("podSelector").path("matchLabels")
                : peerOrSelector.path("matchLabels");
        return Optional.ofNullable(labels.get(key)).map(JsonNode::asText);
    }
}
