package fi.yhdyspinta.e2e;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;

import fi.yhdyspinta.infra.EmbeddedKafkaBroker;
import fi.yhdyspinta.testsupport.TestInfrastructure;

/**
 * The test JVM's one Kafka broker taken away and brought back on the same port and log directory: an
 * outage of the broker as the services see it (SIGSTOP cannot pause a broker that runs in this JVM).
 * The restarted broker replaces the stopped one inside {@link TestInfrastructure}, so that the JVM's
 * shutdown still stops it before the work directory goes. Always {@link #start()} in a {@code finally}.
 */
final class BrokerOutage {

    private final int port;
    private final Path dataDirectory;

    private BrokerOutage(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    static BrokerOutage ofTestBroker() throws Exception {
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
            // EmbeddedKafkaBroker keeps its log in <data>/log, its cluster id and settings in <data>
            Path logDir = Path.of(config.get("log.dirs").value());
            return new BrokerOutage(port, logDir.getParent());
        }
    }

    void stop() {
        TestInfrastructure.get().kafka().close();
    }

    void start() throws ReflectiveOperationException {
        EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(port, dataDirectory);
        Field kafka = TestInfrastructure.class.getDeclaredField("kafka");
        kafka.setAccessible(true);
        kafka.set(TestInfrastructure.get(), restarted);
    }
}
