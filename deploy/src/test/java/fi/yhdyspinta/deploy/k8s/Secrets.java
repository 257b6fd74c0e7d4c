package fi.yhdyspinta.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the Secrets a manifest refers to come from, when they are not part of the output itself. */
final class Secrets {

    private Secrets() {
    }

    /** Secrets the operators make: CloudNativePG's owner credentials, Strimzi's cluster CA, Keycloak's first admin. */
    static List<String> madeByOperators(Manifests manifests) {
        List<String> names = new ArrayList<>();
        manifests.ofKind("Cluster").forEach(cluster -> names.add(Manifests.name(cluster) + "-app"));
        manifests.ofKind("Kafka").forEach(kafka -> names.add(Manifests.name(kafka) + "-cluster-ca-cert"));
        manifests.ofKind("Keycloak").forEach(keycloak -> names.add(Manifests.name(keycloak) + "-initial-admin"));
        return names;
    }

    /** Secrets docs/deploy-kubernetes.md tells the admin to create ({@code kubectl create secret generic <name>}). */
    static List<String> createdByTheAdmin() {
        try {
            String doc = Files.readString(Manifests.REPOSITORY.resolve("docs/deploy-kubernetes.md"));
            Matcher m = Pattern.compile("kubectl (?:-n \\S+ )?create secret generic ([a-z0-9-]+)").matcher(doc);
            List<String> names = new ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the Secret key a reference names will exist when the output is applied. */
    static boolean resolvable(Manifests manifests, JsonNode secretKeyRef) {
        String name = secretKeyRef.path("name").asText();
        if (manifests.find("Secret", name).isPresent()) {
            return manifests.get("Secret", name).path("data").has(secretKeyRef.path("key").asText());
        }
        return madeByOperators(manifests).contains(name) || createdByTheAdmin().contains(name);
    }
}
