package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm the Keycloak operator imports is deploy/keycloak/yhdyspinta-realm.json (the local stack's realm, which
 * KeycloakRealmTest guards): the base carries it without its users; overlays/local adds exactly the file's demo
 * users; production has no user and no password grant.
 */
class KeycloakRealmImportMatchesTheRealmFile {

    private static final JsonNode FILE = Kustomize.read(Manifests.REPOSITORY.resolve("deploy/keycloak/yhdyspinta-realm.json")).get(0);

    private static JsonNode realm(Manifests manifests) {
        JsonNode realmImport = manifests.get("KeycloakRealmImport", "yhdyspinta-realm");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText())
                .isEqualTo(Manifests.name(manifests.ofKind("Keycloak").get(0)));
        return realmImport.path("spec").path("realm");
    }

    @Test
    void theBaseRealmIsTheFileWithoutItsUsers() {
        ObjectNode expected = FILE.deepCopy();
        expected.remove("users");
        assertThat(realm(Manifests.base())).isEqualTo(expected);
    }

    @Test
    void localHasTheFilesDemoUsers() {
        assertThat(realm(Manifests.local())).isEqualTo(FILE);
    }

    @Test
    void productionHasNoUserAndNoPasswordGrant() {
        JsonNode realm = realm(Manifests.production());
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        realm.path("clients").forEach(client -> assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                .as(client.path("clientId").asText()).isFalse());
        // everything the services rely on is still there: roles, the org/sector/hetu/groups/audience mappers
        assertThat(realm.path("roles")).isEqualTo(FILE.path("roles"));
        assertThat(realm.path("clients").get(0).path("protocolMappers")).isEqualTo(FILE.path("clients").get(0).path("protocolMappers"));
        assertThat(realm.path("components")).isEqualTo(FILE.path("components"));
    }
}
