package fi.yhdyspinta.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * GreenMail standalone as the local SMTP sink, with its REST API for reading what was sent.
 * <p>
 * The greenmail-standalone jar is shaded (Jackson, Log4j, Jersey and an SLF4J 1 binding inside), so it runs in a
 * class loader of its own whose parent is the platform loader: nothing of it can clash with Kafka's libraries on the
 * launcher's class path. It is driven through {@code GreenMailStandaloneRunner}, the same entry point as
 * {@code java -jar greenmail-standalone.jar}, configured with the documented {@code greenmail.*} properties.
 */
final class GreenMailSink implements AutoCloseable {

    private static final String RUNNER = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";
    /** Jersey (inside GreenMail's API server) warns through java.util.logging about optional features; held strongly. */
    private static final java.util.logging.Logger JERSEY_LOG = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    private final URLClassLoader loader;
    private final Object runner;

    private GreenMailSink(URLClassLoader loader, Object runner) {
        this.loader = loader;
        this.runner = runner;
    }

    static GreenMailSink start(Path jar, String host, int smtpPort, int apiPort) {
        Properties p = new Properties();
        p.setProperty("greenmail.smtp.hostname", host);
        p.setProperty("greenmail.smtp.port", Integer.toString(smtpPort));
        p.setProperty("greenmail.hostname", host);
        p.setProperty("greenmail.api.hostname", host);
        p.setProperty("greenmail.api.port", Integer.toString(apiPort));
        // accept any sender/recipient without login; every recipient gets a mailbox readable through the API
        p.setProperty("greenmail.auth.disabled", "");

        JERSEY_LOG.setLevel(java.util.logging.Level.SEVERE);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader loader = null;
        try {
            loader = new URLClassLoader("greenmail", new URL[] { jar.toUri().toURL() }, ClassLoader.getPlatformClassLoader());
            thread.setContextClassLoader(loader);
            Class<?> runnerClass = Class.forName(RUNNER, true, loader);
            Object runner = runnerClass.getConstructor().newInstance();
            runnerClass.getMethod("doRun", Properties.class).invoke(runner, p);
            return new GreenMailSink(loader, runner);
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException("GreenMail failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IOException e) {
            closeQuietly(loader);
            throw new IllegalStateException("cannot load GreenMail from " + jar, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code yhdyspinta.greenmail.jar}, else {@code greenmail/greenmail-standalone.jar} in this launcher's target dir. */
    static Path locateJar() {
        String configured = LocalInfrastructure.setting("yhdyspinta.greenmail.jar", "YHDYSPINTA_GREENMAIL_JAR");
        Path jar;
        if (configured != null && !configured.isBlank()) {
            jar = Path.of(configured);
        } else {
            try {
                // target/deploy-<version>.jar or target/classes -> target/
                Path self = Path.of(GreenMailSink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                jar = self.getParent().resolve("greenmail").resolve("greenmail-standalone.jar");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("GreenMail jar not found at " + jar
                    + " (build it with ./mvnw -B -q -pl deploy -am install -DskipTests)");
        }
        return jar;
    }

    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(loader);
            Method stop = runner.getClass().getDeclaredMethod("stop");
            stop.setAccessible(true);
            stop.invoke(runner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot stop GreenMail", e);
        } finally {
            thread.setContextClassLoader(previous);
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
