package fi.yhdyspinta.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fi.yhdyspinta.infra.EmbeddedKafkaBroker;
import fi.yhdyspinta.infra.EmbeddedPostgresServer;

/**
 * The infrastructure of the local stack in one JVM, no Docker: Kafka (KRaft), PostgreSQL with the services'
 * databases, and GreenMail as SMTP sink with its REST API. Data lives under {@code $YHDYSPINTA_HOME} and survives a
 * restart. {@link #main} runs until SIGTERM/SIGINT, then stops everything, PostgreSQL's postmaster included.
 *
 * <pre>java -cp 'deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*' fi.yhdyspinta.deploy.LocalInfrastructure</pre>
 *
 * Settings (system property, else environment variable, else default): {@code yhdyspinta.home} /
 * {@code YHDYSPINTA_HOME} ({@code ~/.yhdyspinta}); ports {@code yhdyspinta.kafka.port} (9092),
 * {@code yhdyspinta.postgres.port} (15432), {@code yhdyspinta.smtp.port} (2525), {@code yhdyspinta.mail-api.port}
 * (8025); {@code yhdyspinta.greenmail.jar} (default {@code target/greenmail/greenmail-standalone.jar} next to this
 * launcher).
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** Printed once everything answers; {@code deploy/local/up.sh} waits for this line. */
    public static final String READY_LINE = "LOCAL-INFRASTRUCTURE-READY";

    public static final String HOST = "127.0.0.1";
    public static final List<String> DATABASES = List.of("referral", "consent", "careplan", "notification");
    /** Login role of the services; its password is its name (local stack only). */
    public static final String APP_ROLE = "yhdyspinta";

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    /** The ports the infrastructure listens on, all on {@value #HOST}. */
    public record Ports(int kafka, int postgres, int smtp, int mailApi) {
        public static final Ports DEFAULTS = new Ports(9092, 15432, 2525, 8025);
    }

    private final Deque<Component> started = new ArrayDeque<>();

    private LocalInfrastructure() {
    }

    /** Starts PostgreSQL, Kafka and GreenMail with their data under {@code home}; on failure stops what did start. */
    public static LocalInfrastructure start(Path home, Ports ports) {
        LocalInfrastructure infra = new LocalInfrastructure();
        try {
            infra.startAll(home, ports);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = home();
        Ports ports = new Ports(
                port("yhdyspinta.kafka.port", "YHDYSPINTA_KAFKA_PORT", Ports.DEFAULTS.kafka()),
                port("yhdyspinta.postgres.port", "YHDYSPINTA_POSTGRES_PORT", Ports.DEFAULTS.postgres()),
                port("yhdyspinta.smtp.port", "YHDYSPINTA_SMTP_PORT", Ports.DEFAULTS.smtp()),
                port("yhdyspinta.mail-api.port", "YHDYSPINTA_MAIL_API_PORT", Ports.DEFAULTS.mailApi()));

        LocalInfrastructure infra = new LocalInfrastructure();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.close();
            stopped.countDown();
        }, "local-infrastructure-shutdown"));

        try {
            requireFree("PostgreSQL", ports.postgres());
            requireFree("Kafka", ports.kafka());
            requireFree("SMTP (GreenMail)", ports.smtp());
            requireFree("mail API (GreenMail)", ports.mailApi());
            infra.startAll(home, ports);
        } catch (RuntimeException e) {
            LOG.error("Local infrastructure failed to start: {}", e.getMessage(), e);
            System.exit(1); // the shutdown hook stops whatever did start
        }

        LOG.info("Kafka       {}:{}", HOST, ports.kafka());
        LOG.info("PostgreSQL  postgresql://{}:{}@{}:{}/<{}>", APP_ROLE, APP_ROLE, HOST, ports.postgres(),
                String.join("|", DATABASES));
        LOG.info("SMTP sink   {}:{}   mail API http://{}:{}/", HOST, ports.smtp(), HOST, ports.mailApi());
        LOG.info("Data in     {}", home);
        LOG.info(READY_LINE);
        stopped.await();
    }

    private void startAll(Path home, Ports ports) {
        Path pgData = home.resolve("postgres");
        LOG.info("Starting PostgreSQL on {}:{} (data {})", HOST, ports.postgres(), pgData);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(ports.postgres(), pgData, true);
        register("PostgreSQL", postgres::close);
        postgres.withDatabases(DATABASES);
        PostgresProvisioning.grantToAppRole(postgres, APP_ROLE, DATABASES);

        Path kafkaData = home.resolve("kafka");
        LOG.info("Starting Kafka on {}:{} (data {})", HOST, ports.kafka(), kafkaData);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(ports.kafka(), kafkaData);
        register("Kafka", kafka::close);
        LOG.info("Event topics: {} created, {} in all", EventTopics.ensure(kafka.bootstrapServers()),
                EventTopics.names().size());

        LOG.info("Starting GreenMail: SMTP {}:{}, API {}:{}", HOST, ports.smtp(), HOST, ports.mailApi());
        GreenMailSink mail = GreenMailSink.start(GreenMailSink.locateJar(), HOST, ports.smtp(), ports.mailApi());
        register("GreenMail", mail::close);
    }

    private synchronized void register(String name, Runnable stop) {
        started.push(new Component(name, stop));
    }

    /** Stops in reverse start order; every component gets its chance even if one fails. Safe to repeat. */
    @Override
    public synchronized void close() {
        if (started.isEmpty()) {
            return;
        }
        while (!started.isEmpty()) {
            Component component = started.pop();
            try {
                LOG.info("Stopping {}", component.name());
                component.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", component.name(), e.toString());
            }
        }
        LOG.info("Local infrastructure stopped");
    }

    private static Path home() {
        String configured = setting("yhdyspinta.home", "YHDYSPINTA_HOME");
        Path home = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".yhdyspinta")
                : Path.of(configured);
        try {
            return Files.createDirectories(home.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + home, e);
        }
    }

    private static int port(String property, String env, int fallback) {
        String value = setting(property, env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    private static void requireFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + port + " is already in use on " + HOST
                    + " (an earlier run still alive? deploy/local/down.sh stops it)", e);
        }
    }

    private record Component(String name, Runnable stop) {
    }
}
