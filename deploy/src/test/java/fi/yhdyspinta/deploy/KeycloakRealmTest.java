package fi.yhdyspinta.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Guards deploy/keycloak/yhdyspinta-realm.json: the claims the services authorise with must keep coming through. */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH_ORG = "1.2.246.10.2345678.10.1";
    private static final String SOCIAL_ORG = "1.2.246.10.2345678.20.1";
    private static final String NGO_ORG = "1.2.246.10.8765432.1";

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = JSON.readTree(Path.of("keycloak", "yhdyspinta-realm.json").toFile());
    }

    @Test
    void passwordGuessingIsSlowedDownByBruteForceProtection() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void accessTokensNameTheSuiteAsTheirAudience() {
        // the CLI's tokens and the ops console's (it forwards the engineer's access token to the services' ops
        // endpoints): the services accept only audience yhdyspinta
        for (String clientId : List.of("yhdyspinta-cli", "ops-console")) {
            JsonNode client = find(realm.path("clients"), "clientId", clientId);
            JsonNode audience = find(client.path("protocolMappers"), "name", "audience yhdyspinta");
            assertThat(audience.path("protocolMapper").asText()).as(clientId).isEqualTo("oidc-audience-mapper");
            assertThat(audience.path("config").path("included.custom.audience").asText()).as(clientId).isEqualTo("yhdyspinta");
            assertThat(audience.path("config").path("access.token.claim").asText()).as(clientId).isEqualTo("true");
        }
    }

    @Test
    void theOpsConsoleIsAConfidentialWebClientWhoseIdTokenCarriesTheRoles() {
        JsonNode client = find(realm.path("clients"), "clientId", "ops-console");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        // the console's own role check (ops) reads the ID token's groups; the services read the access token's
        JsonNode groups = find(client.path("protocolMappers"), "name", "groups");
        assertThat(groups.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(groups.path("config").path("id.token.claim").asText()).isEqualTo("true");
        assertThat(groups.path("config").path("access.token.claim").asText()).isEqualTo("true");
    }

    @Test
    void clientNamesAndDescriptionsFitKeycloaksColumns() {
        // Keycloak stores them in VARCHAR(255): a longer one stops the realm import and Keycloak with it
        realm.path("clients").forEach(client -> {
            assertThat(client.path("name").asText()).as(client.path("clientId").asText()).hasSizeLessThanOrEqualTo(255);
            assertThat(client.path("description").asText()).as(client.path("clientId").asText()).hasSizeLessThanOrEqualTo(255);
        });
    }

    @Test
    void realmHasTheDomainRoles() {
        assertThat(realm.path("realm").asText()).isEqualTo("yhdyspinta");
        assertThat(names(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder(
                "professional", "social-worker", "health-professional", "ngo-worker", "unit-lead", "client", "ops",
                "archive", "admin", "auditor");
    }

    @Test
    void cliClientMapsOrgSectorHetuAndGroupsIntoTheAccessToken() {
        JsonNode client = find(realm.path("clients"), "clientId", "yhdyspinta-cli");
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(names(client.path("defaultClientScopes"), null)).contains("roles", "basic");
        for (String attribute : List.of("org", "sector", "hetu")) {
            JsonNode config = find(client.path("protocolMappers"), "name", attribute).path("config");
            assertThat(config.path("user.attribute").asText()).isEqualTo(attribute);
            assertThat(config.path("claim.name").asText()).isEqualTo(attribute);
            assertThat(config.path("jsonType.label").asText()).isEqualTo("String");
            assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
        }
        JsonNode groups = find(client.path("protocolMappers"), "name", "groups");
        assertThat(groups.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(groups.path("config").path("multivalued").asText()).isEqualTo("true");
        assertThat(groups.path("config").path("access.token.claim").asText()).isEqualTo("true");
    }

    @Test
    void userProfileKeepsTheClaimAttributesAndOnlyAdminsEditThem() throws IOException {
        JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        assertThat(component.path("providerId").asText()).isEqualTo("declarative-user-profile");
        JsonNode profile = JSON.readTree(component.path("config").path("kc.user.profile.config").get(0).asText());
        assertThat(names(profile.path("attributes"), "name"))
                .contains("username", "email", "firstName", "lastName", "org", "sector", "hetu");
        for (String attribute : List.of("org", "sector", "hetu")) {
            JsonNode permissions = find(profile.path("attributes"), "name", attribute).path("permissions");
            assertThat(names(permissions.path("edit"), null)).containsExactly("admin");
        }
        assertThat(profile.path("unmanagedAttributePolicy").asText()).isIn("ENABLED", "ADMIN_VIEW", "ADMIN_EDIT");
    }

    @Test
    void usersCarryTheirRolesOrganisationsAndSectors() {
        Map<String, List<String>> expected = Map.of(
                "nurse", List.of("professional", "health-professional", HEALTH_ORG, "HEALTH"),
                "doctor", List.of("professional", "health-professional", HEALTH_ORG, "HEALTH"),
                "socialworker", List.of("professional", "social-worker", SOCIAL_ORG, "SOCIAL"),
                "ngo", List.of("ngo-worker", NGO_ORG, "NGO"),
                "lead", List.of("professional", "unit-lead", HEALTH_ORG, "HEALTH"),
                "client", List.of("client"),
                "ops", List.of("ops"),
                "archive", List.of("archive"),
                "registrar", List.of("admin"),
                "auditor", List.of("auditor", "1.2.246.10.2345678.40.1", "MUNICIPALITY"));
        assertThat(names(realm.path("users"), "username")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((username, facts) -> {
            JsonNode user = find(realm.path("users"), "username", username);
            List<String> actual = new ArrayList<>(names(user.path("realmRoles"), null));
            user.path("attributes").path("org").forEach(v -> actual.add(v.asText()));
            user.path("attributes").path("sector").forEach(v -> actual.add(v.asText()));
            assertThat(actual).as(username).containsExactlyInAnyOrderElementsOf(facts);
            JsonNode credential = user.path("credentials").get(0);
            assertThat(credential.path("value").asText()).as("password of " + username).isEqualTo(username);
            // the default user profile requires these of every user; without them the password grant is refused
            assertThat(user.path("email").asText()).isNotBlank();
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
        });
    }

    @Test
    void clientHasAValidTestHenkilotunnus() {
        String hetu = find(realm.path("users"), "username", "client").path("attributes").path("hetu").get(0).asText();
        assertThat(hetu).isEqualTo("010190-900P");
        long number = Long.parseLong(hetu.substring(0, 6) + hetu.substring(7, 10));
        assertThat(hetu.charAt(10)).isEqualTo("0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (number % 31)));
        assertThat(Integer.parseInt(hetu.substring(7, 10))).as("test identity range").isBetween(900, 999);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> value.equals(n.path(field).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no element with " + field + " = " + value));
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> field == null ? n.asText() : n.path(field).asText())
                .toList();
    }
}
