package fi.yhdyspinta.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fi.yhdyspinta.infra.FreePorts;

class LocalInfrastructureTest {

    @TempDir
    Path home;

    @Test
    void startsKafkaPostgresAndMailSinkAndStopsThemAgain() throws Exception {
        var ports = new LocalInfrastructure.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());

        try (LocalInfrastructure infra = LocalInfrastructure.start(home, ports)) {
            for (String db : LocalInfrastructure.DATABASES) {
                assertAppRoleOwns(ports.postgres(), db);
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + ports.kafka()))) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .as("every family topic and its dead-letter topic exists from the start")
                        .containsAll(EventTopics.names())
                        .contains("needs", "needs.dlq", "referrals", "consents.dlq", "organisations");
                assertThat(admin.describeTopics(EventTopics.names()).allTopicNames().get(10, TimeUnit.SECONDS).values())
                        .as("partitions to spread a family's clients over instances")
                        .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(EventTopics.PARTITIONS));
            }
            sendMail(ports.smtp(), "inbox@kittila.example", "Referral received");
            HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.mailApi() + "/api/user/inbox@kittila.example/messages/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(messages.statusCode()).isEqualTo(200);
            assertThat(messages.body()).contains("Referral received");
        }

        assertThat(home.resolve("postgres/postmaster.pid")).as("postmaster stopped").doesNotExist();
        assertThat(listening(ports.kafka())).as("Kafka stopped").isFalse();
        assertThat(listening(ports.smtp())).as("SMTP stopped").isFalse();
        assertThat(listening(ports.mailApi())).as("mail API stopped").isFalse();
        assertThat(Files.exists(home.resolve("kafka/cluster.id"))).as("Kafka data kept").isTrue();
    }

    private static void assertAppRoleOwns(int port, String db) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
        try (Connection c = DriverManager.getConnection(url, LocalInfrastructure.APP_ROLE, LocalInfrastructure.APP_ROLE);
                Statement s = c.createStatement()) {
            s.execute("create table probe (id int)");
            try (ResultSet rs = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(LocalInfrastructure.APP_ROLE);
            }
            s.execute("drop table probe");
        }
    }

    /** A minimal SMTP dialogue: the mail sink must accept any recipient without authentication. */
    private static void sendMail(int port, String to, String subject) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            expect(in, "220");
            for (String[] step : new String[][] {
                    { "HELO test", "250" }, { "MAIL FROM:<noreply@yhdyspinta.example>", "250" },
                    { "RCPT TO:<" + to + ">", "250" }, { "DATA", "354" },
                    { "Subject: " + subject + "\r\n\r\nhei\r\n.", "250" }, { "QUIT", "221" } }) {
                out.write(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").isNotNull();
        } while (line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).startsWith(code);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
