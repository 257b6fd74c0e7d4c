package fi.yhdyspinta.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every setting a service needs in a cluster is set in its Deployment, derived from the service's configuration as
 * the repository has it now (so a new one fails the build until the manifests catch up):
 * <ul>
 * <li>a value that points at the local machine (127.0.0.1, localhost): the local stack's default;</li>
 * <li>a property the code reads with no default and that only the dev/test profiles give (the county key);</li>
 * <li>a ${...} reference to a property with no value;</li>
 * <li>a user name, password or secret (the ops console's OIDC client secret): the local stack's, and from a Secret
 * in the cluster.</li>
 * </ul>
 * That holds for the four platform services (database, Kafka, issuer, county key) and for the ops console (a web
 * application: its OIDC client and secret, Kafka, the services' URLs; no database).
 * Values from a ConfigMap must exist in the output; a Secret's must exist, be made by an operator, or be one that
 * docs/deploy-kubernetes.md tells the admin to create.
 */
class EveryConfigKeyAServiceNeedsIsSetInItsDeployment {

    private static final Pattern LOCAL = Pattern.compile("127\\.0\\.0\\.1|localhost");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)}");

    static Set<String> required(ServiceModules service) {
        Set<String> keys = new LinkedHashSet<>();
        service.properties().forEach((key, value) -> {
            String production = service.production(key).orElse(value);
            if (LOCAL.matcher(production).find() || credential(key)) {
                keys.add(key);
            }
            Matcher reference = REFERENCE.matcher(production);
            while (reference.find()) {
                if (service.production(reference.group(1)).isEmpty()) {
                    keys.add(reference.group(1));
                }
            }
        });
        for (String key : service.readWithoutDefault()) {
            if (service.production(key).isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean credential(String key) {
        return key.endsWith(".username") || key.endsWith(".password") || key.endsWith(".secret");
    }

    @Test
    void theDerivedSettingsCoverAtLeastDatabaseKafkaIssuerAndCountyKey() {
        List<ServiceModules> services = ServiceModules.platformServices();
        assertThat(services).extracting(ServiceModules::applicationName)
                .contains("referral-service", "consent-service", "care-plan-service", "notification-service");
        for (ServiceModules service : services) {
            assertThat(required(service)).as(service.module()).contains("quarkus.datasource.jdbc.url",
                    "quarkus.datasource.reactive.url", "quarkus.datasource.username", "quarkus.datasource.password",
                    "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url", "quarkus.http.host",
                    "yhdyspinta.client-id.county-key");
        }
        ServiceModules notification = services.stream()
                .filter(s -> s.applicationName().equals("notification-service")).findFirst().orElseThrow();
        assertThat(required(notification)).contains("quarkus.mailer.host", "quarkus.mailer.from");
    }

    @Test
    void theConsolesDerivedSettingsAreItsClientSecretKafkaIssuerAndTheServicesUrls() {
        ServiceModules console = ServiceModules.all().stream()
                .filter(s -> s.applicationName().equals("ops-console")).findFirst().orElseThrow();
        assertThat(console.onPlatform()).isFalse();
        assertThat(required(console)).contains("quarkus.oidc.auth-server-url", "quarkus.oidc.credentials.secret",
                "kafka.bootstrap.servers", "quarkus.http.host", "yhdyspinta.ops.services.referral.url",
                "yhdyspinta.ops.services.consent.url", "yhdyspinta.ops.services.careplan.url",
                "yhdyspinta.ops.services.notification.url")
                .noneMatch(key -> key.startsWith("quarkus.datasource.") || key.endsWith("county-key"));
    }

    @Test
    void everyServiceHasADeploymentThatSetsThem() {
        for (Manifests manifests : Manifests.overlays()) {
            for (ServiceModules service : ServiceModules.all()) {
                JsonNode deployment = manifests.find("Deployment", service.applicationName())
                        .orElseThrow(() -> new AssertionError(manifests + ": no Deployment for " + service.module()));
                for (String key : required(service)) {
                    String variable = ServiceModules.environmentVariable(key);
                    JsonNode env = Manifests.env(deployment, variable)
                            .orElseThrow(() -> new AssertionError(manifests + ": " + service.applicationName()
                                    + " does not set " + variable + " (" + key + ")"));
                    JsonNode configMapRef = env.path("valueFrom").path("configMapKeyRef");
                    JsonNode secretRef = env.path("valueFrom").path("secretKeyRef");
                    if (!configMapRef.isMissingNode()) {
                        assertThat(manifests.envValue(deployment, variable)).as("%s: %s from ConfigMap %s", manifests,
                                variable, configMapRef).isPresent();
                    } else if (!secretRef.isMissingNode()) {
                        assertThat(Secrets.resolvable(manifests, secretRef)).as("%s: %s from Secret %s", manifests, variable,
                                secretRef).isTrue();
                    } else {
                        assertThat(env.path("value").asText()).as("%s: %s", manifests, variable).isNotBlank();
                    }
                    manifests.envValue(deployment, variable).ifPresent(value -> assertThat(LOCAL.matcher(value).find())
                            .as("%s: %s=%s still points at the local machine", manifests, variable, value).isFalse());
                }
            }
        }
    }

    @Test
    void credentialsAndTheCountyKeyComeFromSecrets() {
        for (Manifests manifests : Manifests.overlays()) {
            for (ServiceModules service : ServiceModules.all()) {
                JsonNode deployment = manifests.get("Deployment", service.applicationName());
                for (String key : required(service)) {
                    if (credential(key) || key.endsWith("county-key")) {
                        JsonNode env = Manifests.env(deployment, ServiceModules.environmentVariable(key)).orElseThrow();
                        assertThat(env.has("value")).as("%s: %s is a literal", manifests, key).isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).as("%s: %s", manifests, key).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void eachServiceConnectsToItsOwnDatabase() {
        for (Manifests manifests : Manifests.overlays()) {
            for (ServiceModules service : ServiceModules.platformServices()) {
                JsonNode deployment = manifests.get("Deployment", service.applicationName());
                String database = service.properties().get("quarkus.datasource.jdbc.url").replaceAll(".*/", "");
                assertThat(manifests.envValue(deployment, "QUARKUS_DATASOURCE_JDBC_URL").orElseThrow())
                        .as("%s: %s", manifests, service).endsWith("/" + database);
                assertThat(manifests.envValue(deployment, "QUARKUS_DATASOURCE_REACTIVE_URL").orElseThrow())
                        .as("%s: %s", manifests, service).startsWith("postgresql://").endsWith("/" + database);
            }
        }
    }
}
