package fi.yhdyspinta.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

/**
 * The {@code kafka.*} configuration of the service (bootstrap servers, and security settings in a
 * deployment) as the properties of a plain Kafka client — the same that the messaging channels get —
 * limited to the names that kind of client knows.
 */
public final class KafkaClientProperties {

    private static final String PREFIX = "kafka.";
    private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    private KafkaClientProperties() {
    }

    /** The {@code kafka.*} settings among {@code known} (e.g. {@code ConsumerConfig.configNames()}), unprefixed. */
    public static Map<String, Object> of(Config config, Set<String> known) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                String key = name.substring(PREFIX.length());
                if (known.contains(key)) {
                    config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(key, value));
                }
            }
        }
        // named explicitly too: from an environment variable (KAFKA_BOOTSTRAP_SERVERS) it is not among the names above
        config.getOptionalValue(PREFIX + BOOTSTRAP_SERVERS, String.class)
                .ifPresent(servers -> properties.put(BOOTSTRAP_SERVERS, servers));
        return properties;
    }
}
