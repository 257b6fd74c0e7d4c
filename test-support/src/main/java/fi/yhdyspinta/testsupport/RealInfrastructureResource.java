package fi.yhdyspinta.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the real infrastructure of the test JVM.
 * Use it with {@code @WithTestResource(value = RealInfrastructureResource.class, scope = GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "referral"))}.
 */
public class RealInfrastructureResource implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return serviceConfig(infra, database);
    }

    /** The configuration that connects one service to the infrastructure. */
    public static Map<String, String> serviceConfig(TestInfrastructure infra, String database) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", infra.postgres().reactiveUrl(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.oidc.auth-server-url", infra.oidc().issuer());
        return config;
    }

    @Override
    public void stop() {
        // stopped once, when the JVM exits: other test classes of the module share it
    }
}
