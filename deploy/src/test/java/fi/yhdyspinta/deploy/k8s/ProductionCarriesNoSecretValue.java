package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Production holds no secret value: no Secret resource, no secretGenerator anywhere it is built from, no literal
 * value for a variable that names a password, key, secret or token, and a realm without users, and whose only client
 * secret is a placeholder the Keycloak operator fills from a Secret.
 * Every Secret it refers to is made by an operator or named in docs/deploy-kubernetes.md for the admin to create.
 */
class ProductionCarriesNoSecretValue {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|(^|_)TOKEN$|(^|_)KEY($|_)");

    @Test
    void noSecretResourceAndNoSecretGeneratorInWhatProductionIsBuiltFrom() {
        assertThat(Manifests.production().ofKind("Secret")).isEmpty();
        for (Path kustomization : kustomizationsOf(Manifests.K8S.resolve("overlays/production"))) {
            assertThat(Kustomize.read(kustomization.resolve("kustomization.yaml")).get(0).has("secretGenerator"))
                    .as(kustomization.toString()).isFalse();
        }
    }

    @Test
    void noLiteralValueForASecretLookingVariable() {
        for (JsonNode deployment : Manifests.production().ofKind("Deployment")) {
            for (JsonNode env : Manifests.container(deployment).path("env")) {
                if (SECRET_NAME.matcher(env.path("name").asText()).find()) {
                    assertThat(env.has("value")).as(Manifests.name(deployment) + " " + env.path("name").asText()).isFalse();
                    assertThat(env.path("valueFrom").has("secretKeyRef")).as(env.path("name").asText()).isTrue();
                }
            }
        }
    }

    @Test
    void everyReferencedSecretIsMadeByAnOperatorOrCreatedByTheAdminAsDocumented() {
        Manifests production = Manifests.production();
        List<String> referenced = new ArrayList<>();
        production.resources.forEach(resource -> collectSecretNames(resource, referenced));
        assertThat(referenced).contains("yhdyspinta-county-key", "yhdyspinta-smtp", "referral-db-app",
                "yhdyspinta-ops-console-oidc");
        for (String name : referenced) {
            assertThat(Secrets.madeByOperators(production).contains(name) || Secrets.createdByTheAdmin().contains(name))
                    .as("Secret " + name + " is neither made by an operator nor in docs/deploy-kubernetes.md").isTrue();
        }
    }

    @Test
    void theRealmHasNoUsersNoCredentialsAndNoClientSecret() {
        JsonNode realmImport = Manifests.production().get("KeycloakRealmImport", "yhdyspinta-realm").path("spec");
        JsonNode realm = realmImport.path("realm");
        assertThat(realm.path("users").isEmpty()).isTrue();
        assertThat(realm.findValues("credentials")).isEmpty();
        assertThat(realm.findValues("password")).isEmpty();
        // a client secret only as a placeholder that the Keycloak operator fills from a Secret (the ops console's)
        for (JsonNode secret : realm.findValues("secret")) {
            Matcher placeholder = PLACEHOLDER.matcher(secret.asText());
            assertThat(placeholder.matches()).as("client secret %s is not a placeholder", secret).isTrue();
            assertThat(realmImport.path("placeholders").path(placeholder.group(1)).path("secret").path("name").asText())
                    .as("placeholder %s from a Secret", placeholder.group(1)).isNotBlank();
        }
    }

    private static void collectSecretNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("secretKeyRef")) {
                    names.add(field.getValue().path("name").asText());
                } else if (field.getKey().equals("secret") && field.getValue().has("secretName")) {
                    names.add(field.getValue().path("secretName").asText());
                } else if (field.getKey().equals("secret") && field.getValue().has("name")) {
                    names.add(field.getValue().path("name").asText()); // a KeycloakRealmImport placeholder's Secret
                } else if (field.getKey().endsWith("Secret") && field.getValue().has("name")) {
                    names.add(field.getValue().path("name").asText()); // the Keycloak resource's db.usernameSecret ...
                } else {
                    collectSecretNames(field.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecretNames(element, names));
        }
    }

    /** The kustomization directories a build of dir reads. */
    static List<Path> kustomizationsOf(Path dir) {
        List<Path> dirs = new ArrayList<>(List.of(dir));
        for (JsonNode resource : Kustomize.read(dir.resolve("kustomization.yaml")).get(0).path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (path.toFile().isDirectory()) {
                dirs.addAll(kustomizationsOf(path));
            }
        }
        return dirs;
    }
}
