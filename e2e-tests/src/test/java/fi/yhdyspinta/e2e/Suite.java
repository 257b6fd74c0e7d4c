package fi.yhdyspinta.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;

import fi.yhdyspinta.testsupport.RealInfrastructureResource;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.infra.FreePorts;

/**
 * The whole suite for end-to-end tests: real Kafka, PostgreSQL and OIDC issuer in this JVM, and
 * the four packaged services as separate processes talking to them over loopback. Started once per
 * test run (see {@link SuiteExtension}) and stopped when the run ends, before the infrastructure.
 */
final class Suite implements ExtensionContext.Store.CloseableResource {

    /** The county key of the end-to-end run (the packaged services have no development key). */
    static final String COUNTY_KEY = "e2e-county-key-of-this-test-run-0123456789";

    /** The archive's acknowledgement deadline for the suite's services (P5D in production). */
    static final java.time.Duration ARCHIVE_ACK_DEADLINE = java.time.Duration.ofSeconds(20);

    final ServiceProcess referral;
    final ServiceProcess consent;
    final ServiceProcess carePlan;
    final ServiceProcess notification;
    final Path logDir;

    private Suite(ServiceProcess referral, ServiceProcess consent, ServiceProcess carePlan,
            ServiceProcess notification, Path logDir) {
        this.referral = referral;
        this.consent = consent;
        this.carePlan = carePlan;
        this.notification = notification;
        this.logDir = logDir;
    }

    static Suite start() {
        Path root = Path.of(System.getProperty("yhdyspinta.root", "..")).toAbsolutePath().normalize();
        Path logDir = root.resolve("e2e-tests/target/e2e-logs");
        TestInfrastructure infra = TestInfrastructure.get();
        ServiceProcess referral = ServiceProcess.start(root, "referral-service", FreePorts.next(),
                config(infra, "referral"), logDir);
        ServiceProcess consent = ServiceProcess.start(root, "consent-service", FreePorts.next(),
                config(infra, "consent"), logDir);
        Map<String, String> carePlanConfig = config(infra, "careplan");
        // plans ask consent-service for JOINT_CLIENT_PLAN decisions
        carePlanConfig.put("yhdyspinta.consent-service.url", "http://127.0.0.1:" + consent.port());
        ServiceProcess carePlan = ServiceProcess.start(root, "care-plan-service", FreePorts.next(),
                carePlanConfig, logDir);
        ServiceProcess notification = ServiceProcess.start(root, "notification-service", FreePorts.next(),
                config(infra, "notification"), logDir);
        Suite suite = new Suite(referral, consent, carePlan, notification, logDir);
        for (ServiceProcess service : suite.all()) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        return suite;
    }

    static Path root() {
        return Path.of(System.getProperty("yhdyspinta.root", "..")).toAbsolutePath().normalize();
    }

    static Map<String, String> config(TestInfrastructure infra, String database) {
        Map<String, String> config = new HashMap<>(RealInfrastructureResource.serviceConfig(infra, database));
        config.put("quarkus.http.host", "127.0.0.1");
        // packaged services run in the production profile: they need a county key and take the demo registry
        config.put("yhdyspinta.client-id.county-key", COUNTY_KEY);
        config.put("yhdyspinta.organisations.seed", "demo");
        config.put("quarkus.mailer.port", String.valueOf(FreePorts.next()));
        // the fault and instance suites check every flow's inbox item among all the run has made
        config.put("yhdyspinta.notification.inbox-limit", "2000");
        // issue 8: the archive's five days are twenty seconds here, checked every second (RegionalItPullsTheArchiveIT)
        config.put("yhdyspinta.archive.ack-deadline", ARCHIVE_ACK_DEADLINE.toString());
        config.put("yhdyspinta.archive.overdue-check-interval", "1s");
        return config;
    }

    List<ServiceProcess> all() {
        return List.of(referral, consent, carePlan, notification);
    }

    /** Everything the services wrote to their logs so far. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess service : all()) {
            try {
                text.append(Files.readString(service.log()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        all().forEach(ServiceProcess::stop);
    }
}
