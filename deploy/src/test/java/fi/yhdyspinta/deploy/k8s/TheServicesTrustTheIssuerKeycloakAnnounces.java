package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tokens carry the issuer Keycloak announces (its hostname + /realms/&lt;realm&gt;); the services expect exactly that
 * issuer, and fetch discovery and keys from Keycloak's in-cluster Service (&lt;name&gt;-service on its HTTP port) in the
 * same realm.
 */
class TheServicesTrustTheIssuerKeycloakAnnounces {

    @Test
    void issuerAndAuthServerUrlFollowTheKeycloakResource() {
        for (Manifests manifests : Manifests.overlays()) {
            JsonNode keycloak = manifests.ofKind("Keycloak").get(0);
            String realm = manifests.get("KeycloakRealmImport", "yhdyspinta-realm").path("spec").path("realm").path("realm").asText();
            String hostname = keycloak.path("spec").path("hostname").path("hostname").asText();
            for (JsonNode deployment : manifests.serviceDeployments()) {
                String what = manifests + ": " + Manifests.name(deployment);
                assertThat(manifests.envValue(deployment, "QUARKUS_OIDC_TOKEN_ISSUER")).as(what)
                        .contains(hostname + "/realms/" + realm);
                URI server = URI.create(manifests.envValue(deployment, "QUARKUS_OIDC_AUTH_SERVER_URL").orElseThrow());
                assertThat(server.getHost()).as(what).isEqualTo(Manifests.name(keycloak) + "-service");
                assertThat(server.getPort()).as(what).isEqualTo(keycloak.path("spec").path("http").path("httpPort").asInt());
                assertThat(server.getPath()).as(what).isEqualTo("/realms/" + realm);
            }
            assertThat(keycloak.path("spec").path("hostname").path("backchannelDynamic").asBoolean())
                    .as("discovery through the in-cluster Service answers with in-cluster endpoints").isTrue();
        }
    }

    @Test
    void productionsIssuerIsHttps() {
        JsonNode keycloak = Manifests.production().ofKind("Keycloak").get(0);
        assertThat(keycloak.path("spec").path("hostname").path("hostname").asText()).startsWith("https://");
    }
}
