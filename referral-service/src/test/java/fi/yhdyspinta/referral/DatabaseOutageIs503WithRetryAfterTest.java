package fi.yhdyspinta.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * While the database is down, requests are answered 503 problem+json with {@code Retry-After} — the
 * client did nothing wrong and may retry — and the service recovers by itself when it is back.
 *
 * <p>The test JVM's one PostgreSQL is stopped with its own {@code pg_ctl} and started again in a
 * {@code finally}, on the same data directory and options; the test then waits until this service
 * answers from the database again, so the test classes after it find everything as before.
 */
@ReferralServiceTest
class DatabaseOutageIs503WithRetryAfterTest {

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndTheServiceRecovers() throws Exception {
        PostgresProcess postgres = PostgresProcess.of(TestInfrastructure.get().postgres());
        awaitServing();
        postgres.stop();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                            .get("/needs/" + UUID.randomUUID()).then()
                            .statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", equalTo("5"))
                            .body("type", equalTo("https://yhdyspinta.fi/problems/service-unavailable")));
            given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE)).contentType(ContentType.JSON)
                    .body(Map.of("client", UniqueHenkilotunnus.next(), "category", "MENTAL_HEALTH",
                            "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE"))
                    .post("/needs").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            postgres.start();
        }
        awaitServing();
    }

    /** Until a read that needs the database is answered from it again (404 for an unknown need). */
    private static void awaitServing() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                        .get("/needs/" + UUID.randomUUID()).then().statusCode(404));
    }

    /** The running server as {@code pg_ctl} sees it: data directory, binaries and the options it was started with. */
    private record PostgresProcess(Path pgCtl, Path dataDirectory, String options) {

        private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

        static PostgresProcess of(EmbeddedPostgresServer server) throws SQLException, IOException {
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
            return new PostgresProcess(Path.of(binary).resolveSibling("pg_ctl"), data, options.toString());
        }

        void stop() throws IOException, InterruptedException {
            pgCtl("-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop");
        }

        void start() throws IOException, InterruptedException {
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
}
