package fi.yhdyspinta.notification;

import java.util.Map;

import fi.yhdyspinta.testsupport.RealInfrastructureResource;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The shared infrastructure (Kafka, PostgreSQL database {@code notification}, OIDC) and the SMTP server. */
public class NotificationInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = RealInfrastructureResource.serviceConfig(TestInfrastructure.get(), "notification");
        config.put("quarkus.mailer.host", TestMailServer.HOST);
        config.put("quarkus.mailer.port", Integer.toString(TestMailServer.get().smtpPort()));
        config.put("quarkus.mailer.mock", "false");
        // webhooks: a quick sender; waits long enough that only the movable clock (TestClock) gets past them
        config.put("yhdyspinta.notification.webhooks.initial-backoff", "1m");
        config.put("yhdyspinta.notification.webhooks.max-backoff", "10m");
        config.put("yhdyspinta.notification.webhooks.dead-after", "1h");
        config.put("yhdyspinta.notification.webhooks.secret-overlap", "1h");
        config.put("yhdyspinta.notification.webhooks.send-timeout", "5s");
        return config;
    }

    @Override
    public void stop() {
        // stopped when the JVM exits: every test class of the module shares it
    }
}
