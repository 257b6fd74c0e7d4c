package fi.yhdyspinta.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;

/**
 * The test JVM's one PostgreSQL (every service's database), stopped with its own {@code pg_ctl} and
 * started again on the same data directory and options: a database outage for the fault tests. Always
 * {@link #start()} in a {@code finally}.
 */
public record PostgresOutage(Path pgCtl, Path dataDirectory, String options) {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PostgresOutage ofTestDatabase() throws SQLException, IOException {
        EmbeddedPostgresServer server = TestInfrastructure.get().postgres();
        Path data;
        try (Connection db = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            data = Path.of(rs.getString(1));
        }
        // postmaster.opts: <bin>/postgres "-D" "<data>" "-p" "<port>" "-c" "k=v" …, as pg_ctl started it
        String opts = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
        String binary = opts.startsWith("\"") ? opts.substring(1, opts.indexOf('"', 1)) : opts.split(" ", 2)[0];
        List<String> arguments = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(opts.substring(binary.length() + (opts.startsWith("\"") ? 2 : 0)));
        while (quoted.find()) {
            arguments.add(quoted.group(1));
        }
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("-D")) {
                i++; // pg_ctl names the data directory itself
                continue;
            }
            options.append(options.isEmpty() ? "" : " ").append('"').append(arguments.get(i)).append('"');
        }
        return new PostgresOutage(Path.of(binary).resolveSibling("pg_ctl"), data, options.toString());
    }

    public void stop() throws IOException, InterruptedException {
        pgCtl("-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop");
    }

    public void start() throws IOException, InterruptedException {
        try {
            pgCtl("-D", dataDirectory.toString(), "-o", options, "-l",
                    dataDirectory.resolveSibling("pg-restart.log").toString(), "-w", "-t", "60", "start");
        } catch (IllegalStateException firstTry) {
            pgCtl("-D", dataDirectory.toString(), "-o", options, "-l",
                    dataDirectory.resolveSibling("pg-restart.log").toString(), "-w", "-t", "60", "start");
        }
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses root; like zonky, run it in a user namespace where it is not
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        Path out = dataDirectory.resolveSibling("pg-ctl.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed: "
                    + (Files.exists(out) ? Files.readString(out) : "no output"));
        }
    }
}
