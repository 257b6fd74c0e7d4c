package fi.yhdyspinta.platform.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fi.yhdyspinta.events.code.Sector;

/**
 * An organisation of the demo seed ({@code yhdyspinta/demo-organisations.csv}): the organisations the
 * local stack and the tests use. A county's real registry is loaded through consent-service's
 * {@code /organisations} (role admin); the seed is for development and tests only.
 */
public record SeedOrganisation(String oid, String name, Sector sector, String municipality, boolean active) {

    public static final String DEMO = "yhdyspinta/demo-organisations.csv";

    /** Reads the demo seed from the classpath. */
    public static List<SeedOrganisation> demo() {
        try (InputStream in = SeedOrganisation.class.getClassLoader().getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException(DEMO + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SeedOrganisation> parse(InputStream in) throws IOException {
        List<SeedOrganisation> result = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            result.add(new SeedOrganisation(f[0].trim(), f[1].trim(), Sector.valueOf(f[2].trim()), f[3].trim(),
                    Boolean.parseBoolean(f[4].trim())));
        }
        return List.copyOf(result);
    }
}
