package fi.yhdyspinta.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fi.yhdyspinta.infra.EmbeddedKafkaBroker;
import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.oidc.TestOidcIssuer;
import fi.yhdyspinta.testsupport.oidc.TestUser;

/**
 * The real infrastructure of a test JVM — Kafka broker (KRaft), PostgreSQL with one database per
 * service, and an OIDC issuer — started once, on first use, and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final List<String> DATABASES = List.of("referral", "consent", "careplan", "notification");

    private static volatile TestInfrastructure instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final TestOidcIssuer oidc;

    private final Path workDir;

    private TestInfrastructure(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, TestOidcIssuer oidc,
            Path workDir) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.postgres = postgres;
        this.oidc = oidc;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestInfrastructure start() {
        try {
            Path work = Files.createTempDirectory("yhdyspinta-test-");
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, work.resolve("kafka"));
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, work.resolve("pg"), false)
                    .withDatabases(DATABASES);
            TestOidcIssuer oidc = TestOidcIssuer.start();
            TestInfrastructure infra = new TestInfrastructure(kafka, postgres, oidc, work);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "test-infrastructure-stop"));
            return infra;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        quietly(oidc::close);
        quietly(postgres::close);
        quietly(kafka::close);
        quietly(this::deleteWorkDir);
    }

    private void deleteWorkDir() {
        try (var paths = Files.walk(workDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // the JVM is going down; nothing left to tell
        }
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public TestOidcIssuer oidc() {
        return oidc;
    }

    /** A real signed bearer token for the user. */
    public static String tokenFor(TestUser user) {
        return get().oidc().token(user);
    }
}
