package fi.yhdyspinta.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The suite's Quarkus applications as the repository defines them: every module with a
 * src/main/resources/application.properties naming quarkus.application.name, with its configuration and the
 * configuration properties its code reads. A platform service (its pom depends on the platform module: database,
 * outbox, county key) also takes the platform's shared defaults and code; the ops console does not.
 */
record ServiceModules(String module, Map<String, String> properties, Map<String, String> profiled, Path sources,
        boolean onPlatform) {

    private static final Path PLATFORM = Manifests.REPOSITORY.resolve("platform");
    private static final Path PLATFORM_CONFIG = PLATFORM.resolve("src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern PLATFORM_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>fi\\.yhdyspinta</groupId>\\s*<artifactId>platform</artifactId>");

    static List<ServiceModules> all() {
        List<ServiceModules> services = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Manifests.REPOSITORY)) {
            for (Path module : modules.sorted().toList()) {
                Path config = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(config) && read(config).containsKey("quarkus.application.name")) {
                    boolean onPlatform = PLATFORM_DEPENDENCY.matcher(Files.readString(module.resolve("pom.xml"))).find();
                    Map<String, String> all = new LinkedHashMap<>(onPlatform ? read(PLATFORM_CONFIG) : Map.of());
                    all.putAll(read(config));
                    Map<String, String> plain = new TreeMap<>();
                    Map<String, String> profiled = new TreeMap<>();
                    all.forEach((key, value) -> (key.startsWith("%") ? profiled : plain).put(key, value));
                    services.add(new ServiceModules(module.getFileName().toString(), plain, profiled, module.resolve("src/main/java"),
                            onPlatform));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    /** The platform services (referral, consent, care plan, notification): each with a database of its own. */
    static List<ServiceModules> platformServices() {
        return all().stream().filter(ServiceModules::onPlatform).toList();
    }

    String applicationName() {
        return properties.get("quarkus.application.name");
    }

    /** The value in production: the un-profiled one, unless a %prod one overrides it. */
    Optional<String> production(String key) {
        return Optional.ofNullable(profiled.getOrDefault("%prod." + key, properties.get(key)));
    }

    /** topic → concurrency of the incoming channels reading it */
    Map<String, Integer> consumedTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        Pattern channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        properties.forEach((key, value) -> {
            Matcher m = channel.matcher(key);
            if (m.matches()) {
                topics.put(value, Integer.parseInt(properties.getOrDefault("mp.messaging.incoming." + m.group(1) + ".concurrency", "1")));
            }
        });
        return topics;
    }

    /**
     * Properties the code reads with {@code @ConfigProperty(name = "...")}, no defaultValue and not as an Optional:
     * a start without a value fails. Scans the module's main sources (and the platform's, for a platform service).
     */
    List<String> readWithoutDefault() {
        Pattern injection = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"\\s*\\)\\s*(?:final\\s+)?([A-Za-z<>.]+)");
        List<String> keys = new ArrayList<>();
        for (Path root : onPlatform ? List.of(sources, PLATFORM.resolve("src/main/java")) : List.of(sources)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = injection.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(2).startsWith("Optional") && !keys.contains(m.group(1))) {
                            keys.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** Quarkus' environment variable for a property: quarkus.datasource.jdbc.url → QUARKUS_DATASOURCE_JDBC_URL */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Map<String, String> read(Path file) {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }

    @Override
    public String toString() {
        return module;
    }
}
