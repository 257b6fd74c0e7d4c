package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ops console logs in as Keycloak's confidential client ops-console, and both sides must hold the same secret:
 * the local stack (the realm file and the console's application.properties), overlays/local (its generated Secret)
 * and production (the admin's Secret yhdyspinta-ops-console-oidc, read by the Deployment and put into the realm by
 * the Keycloak operator's placeholder). The console's own address is the client's redirect URI.
 */
class TheOpsConsoleAndKeycloakShareOneClientSecret {

    private static final JsonNode FILE = Kustomize.read(Manifests.REPOSITORY.resolve("deploy/keycloak/yhdyspinta-realm.json")).get(0);

    private static ServiceModules console() {
        return ServiceModules.all().stream().filter(s -> s.applicationName().equals("ops-console")).findFirst().orElseThrow();
    }

    private static JsonNode client(JsonNode realm) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(console().properties().get("quarkus.oidc.client-id")))
                .findFirst().orElseThrow(() -> new AssertionError("the realm has no client " + console().properties().get("quarkus.oidc.client-id")));
    }

    private static JsonNode realmImport(Manifests manifests) {
        return manifests.get("KeycloakRealmImport", "yhdyspinta-realm").path("spec");
    }

    @Test
    void theLocalStacksRealmHasTheSecretAndAddressTheConsoleStartsWith() {
        JsonNode client = client(FILE);
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("secret").asText()).isEqualTo(console().properties().get("quarkus.oidc.credentials.secret"));
        assertThat(StreamSupport.stream(client.path("redirectUris").spliterator(), false).map(JsonNode::asText))
                .contains("http://127.0.0.1:" + console().properties().get("quarkus.http.port") + "/*");
    }

    @Test
    void overlaysLocalGivesTheConsoleTheRealmsSecret() {
        Manifests local = Manifests.local();
        JsonNode ref = secretRef(local);
        String generated = new String(Base64.getDecoder().decode(local.get("Secret", ref.path("name").asText())
                .path("data").path(ref.path("key").asText()).asText()), StandardCharsets.UTF_8);
        assertThat(generated).isEqualTo(client(realmImport(local).path("realm")).path("secret").asText());
    }

    @Test
    void productionFillsTheRealmFromTheSecretTheConsoleReads() {
        Manifests production = Manifests.production();
        JsonNode spec = realmImport(production);
        JsonNode client = client(spec.path("realm"));
        String placeholder = client.path("secret").asText().replaceAll("^\\$\\{(.+)}$", "$1");
        assertThat(placeholder).isNotEqualTo(client.path("secret").asText());
        JsonNode fromSecret = spec.path("placeholders").path(placeholder).path("secret");
        JsonNode ref = secretRef(production);
        assertThat(fromSecret.path("name").asText()).isEqualTo(ref.path("name").asText());
        assertThat(fromSecret.path("key").asText()).isEqualTo(ref.path("key").asText());
        assertThat(Secrets.createdByTheAdmin()).contains(ref.path("name").asText());
        // production sends people back only to an https address, never to this machine
        client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).startsWith("https://"));
    }

    private static JsonNode secretRef(Manifests manifests) {
        JsonNode deployment = manifests.get("Deployment", console().applicationName());
        return Manifests.env(deployment, ServiceModules.environmentVariable("quarkus.oidc.credentials.secret")).orElseThrow()
                .path("valueFrom").path("secretKeyRef");
    }
}
