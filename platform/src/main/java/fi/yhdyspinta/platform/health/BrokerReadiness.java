package fi.yhdyspinta.platform.health;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import fi.yhdyspinta.platform.kafka.KafkaClientProperties;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness is DOWN while the Kafka broker does not answer: asks the cluster for its nodes, with a
 * timeout of {@code yhdyspinta.health.broker-timeout} (2 s). The channels' own checks only see whether a
 * connection is open, which a paused or hung broker keeps; this asks. (The database is covered by
 * Quarkus' datasource checks, JDBC and reactive, which are on by default.)
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements AsyncHealthCheck {

    static final String NAME = "Kafka broker";

    private final Map<String, Object> properties;
    private final Duration timeout;
    private volatile Admin admin;

    @Inject
    public BrokerReadiness(Config config,
            @ConfigProperty(name = "yhdyspinta.health.broker-timeout", defaultValue = "2s") Duration timeout,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this(KafkaClientProperties.of(config, AdminClientConfig.configNames()), timeout, application);
    }

    BrokerReadiness(Map<String, Object> properties, Duration timeout, String application) {
        this.timeout = timeout;
        this.properties = new java.util.HashMap<>(properties);
        String millis = String.valueOf(Math.max(1, timeout.toMillis()));
        this.properties.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-readiness");
        this.properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        this.properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Admin client;
        try {
            client = admin();
        } catch (RuntimeException e) {
            return Uni.createFrom().item(down(e));
        }
        return Uni.createFrom()
                .completionStage(() -> client.describeCluster(new DescribeClusterOptions()
                        .timeoutMs((int) Math.max(1, timeout.toMillis()))).nodes().toCompletionStage())
                .ifNoItem().after(timeout.plusSeconds(1)).fail()
                .map(nodes -> nodes.isEmpty()
                        ? HealthCheckResponse.named(NAME).down().withData("reason", "no broker nodes").build()
                        : HealthCheckResponse.named(NAME).up().withData("nodes", nodes.size()).build())
                .onFailure().recoverWithItem(BrokerReadiness::down);
    }

    private static HealthCheckResponse down(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return HealthCheckResponse.named(NAME).down().withData("reason", cause.getClass().getSimpleName()).build();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                current = admin;
                if (current == null) {
                    current = Admin.create(properties);
                    admin = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
