package fi.yhdyspinta.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.yhdyspinta.infra.FreePorts;
import fi.yhdyspinta.testsupport.TestInfrastructure;

/**
 * A second instance of each of the four services, beside the {@link Suite}'s: same databases, same
 * broker and consumer groups, so the two instances of a kind share the partitions and the outbox (one
 * publisher per service at a time). Logs to {@code target/e2e-logs/<module>-2.log}.
 */
final class SecondInstances implements AutoCloseable {

    private static final Map<String, String> MODULES = Map.of("referral", "referral-service", "consent",
            "consent-service", "careplan", "care-plan-service", "notification", "notification-service");

    final Map<String, ServiceProcess> byService;

    private SecondInstances(Map<String, ServiceProcess> byService) {
        this.byService = byService;
    }

    static SecondInstances start(Suite suite) {
        Path root = Suite.root();
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        try {
            for (String service : List.of("referral", "consent", "careplan", "notification")) {
                String module = MODULES.get(service);
                Map<String, String> config = Suite.config(infra, service);
                if (service.equals("careplan")) {
                    config.put("yhdyspinta.consent-service.url", "http://127.0.0.1:" + suite.consent.port());
                }
                started.put(service, ServiceProcess.start(root, module, FreePorts.next(), config, suite.logDir,
                        module + "-2"));
            }
            for (ServiceProcess instance : started.values()) {
                instance.awaitReady(Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            started.values().forEach(ServiceProcess::stop);
            throw e;
        }
        return new SecondInstances(started);
    }

    /** Per service: the suite's instance and this second one. */
    Map<String, List<ServiceProcess>> withThoseOf(Suite suite) {
        return Map.of("referral", List.of(suite.referral, byService.get("referral")),
                "consent", List.of(suite.consent, byService.get("consent")),
                "careplan", List.of(suite.carePlan, byService.get("careplan")),
                "notification", List.of(suite.notification, byService.get("notification")));
    }

    /** {@code kill -9} of every second instance. */
    void killAll() {
        byService.values().forEach(ServiceProcess::kill);
    }

    @Override
    public void close() {
        byService.values().forEach(ServiceProcess::stop);
    }
}
