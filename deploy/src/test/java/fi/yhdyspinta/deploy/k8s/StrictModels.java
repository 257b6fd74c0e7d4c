package fi.yhdyspinta.deploy.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Reads a manifest into the Java model of its kind — fabric8's Kubernetes model, the Prometheus operator's model
 * (fabric8) and Strimzi's API model — and reports every field the model does not know. Those models keep unknown
 * fields in an "additional properties" map instead of failing, so strictness means: after reading, no object in
 * the graph holds an additional property. Kinds with no model on Maven Central (CloudNativePG, the Keycloak
 * operator) are read as generic resources with a strict ObjectMeta.
 */
final class StrictModels {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));

    /** Custom resources of operators that publish no Java model: read generically. */
    static final List<String> GENERIC = List.of("postgresql.cnpg.io/v1/Cluster", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private StrictModels() {
    }

    static String type(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    /** The model object; fails naming every unknown or mistyped field. */
    static Object read(JsonNode resource) {
        String type = type(resource);
        Class<?> model = MODELS.get(type);
        if (model == null && !GENERIC.contains(type)) {
            throw new AssertionError(Kustomize.id(resource) + ": no model for " + type);
        }
        Object object;
        try {
            if (model == null) {
                // the spec of a custom resource without a model stays a tree; its metadata is read strictly, and
                // nothing but apiVersion, kind, metadata and spec may stand at the top
                object = MAPPER.treeToValue(resource, GenericKubernetesResource.class);
                List<String> top = new ArrayList<>();
                resource.fieldNames().forEachRemaining(top::add);
                top.removeAll(List.of("apiVersion", "kind", "metadata", "spec"));
                if (!top.isEmpty()) {
                    throw new AssertionError(Kustomize.id(resource) + " has fields a custom resource does not have: " + top);
                }
                unknownFields(MAPPER.treeToValue(resource.path("metadata"), ObjectMeta.class), Kustomize.id(resource));
                return object;
            }
            object = MAPPER.treeToValue(resource, model);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(Kustomize.id(resource) + " does not read into " + type + ": " + e.getMessage(), e);
        }
        unknownFields(object, Kustomize.id(resource));
        return object;
    }

    private static void unknownFields(Object root, String id) {
        List<String> unknown = new ArrayList<>();
        walk(root, "", unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError(id + " has fields its model does not know: " + unknown);
        }
    }

    private static void walk(Object object, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, unknown, seen));
            return;
        }
        String pkg = object.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            walk(value, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), unknown, seen);
        }
    }
}
