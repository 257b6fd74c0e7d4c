package fi.yhdyspinta.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Cost (issue 7): verifying a chain of 1 000 000 records finishes in under 30 s on the 2-core box. The chain
 * is written straight into a database of its own ({@code COPY}, hashes computed as the sealer does), then the
 * verifier walks it. The build runs 100 000 records (bound scaled: 3 s + 30 s per million);
 * {@code -Dyhdyspinta.audit.verify-records=1000000} runs the full million.
 */
class VerifyingAMillionRecordsTakesUnderThirtySeconds {

    private static final String DATABASE = "audit_perf";
    private static final int RECORDS = Integer.getInteger("yhdyspinta.audit.verify-records", 100_000);

    private static Vertx vertx;
    private static io.vertx.mutiny.sqlclient.Pool pool;
    private static byte[] middleHash;
    private static byte[] headHash;

    @BeforeAll
    static void aLongChain() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        try (Connection admin = DriverManager.getConnection(infra.postgres().jdbcUrl("postgres"), "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(infra.postgres().jdbcUrl(DATABASE), "postgres",
                "postgres")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(migration());
            }
            write(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze audit_record");
            }
        }
        System.out.printf("audit chain of %d records written in %d ms%n", RECORDS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(infra.postgres().reactiveUrl(DATABASE))
                .setUser("postgres").setPassword("postgres");
        pool = io.vertx.mutiny.sqlclient.Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(options).using(vertx).build());
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.closeAndAwait();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void theWholeChainVerifiesAgainstItsAnchorsInTime() {
        AuditVerifier verifier = new AuditVerifier(pool, null, new AuditMetrics(new SimpleMeterRegistry()), 10_000);
        long started = System.nanoTime();
        ChainVerification result = verifier.verify(List.of(new Anchor(RECORDS / 2, middleHash),
                new Anchor(RECORDS, headHash)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("audit chain of %d records verified in %d ms (%.0f records/s)%n", RECORDS, took.toMillis(),
                RECORDS / (took.toNanos() / 1e9));
        assertThat(result.status()).isEqualTo(ChainVerification.Status.OK);
        assertThat(result.count()).isEqualTo(RECORDS);
        assertThat(result.headPosition()).isEqualTo(RECORDS);
        assertThat(result.headHash()).isEqualTo(HexFormat.of().formatHex(headHash));
        assertThat(result.anchorsChecked()).isEqualTo(2);
        assertThat(took).isLessThan(Duration.ofMillis(3_000 + 30_000L * RECORDS / 1_000_000));
    }

    private static String migration() throws IOException {
        try (InputStream in = VerifyingAMillionRecordsTakesUnderThirtySeconds.class.getClassLoader()
                .getResourceAsStream("db/platform/V0_6__audit_trail.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The chain as the sealer would have made it, through COPY in chunks. */
    private static void write(Connection connection) throws SQLException {
        String copy = "copy audit_record (" + AuditInsert.COLUMNS
                + ", position, prev_hash, hash, published) from stdin (format text)";
        OffsetDateTime start = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        String[] roles = { "social-worker", "health-professional", "ngo-worker", "client" };
        String[] actions = { "READ", "LIST", "UPDATE", "DECIDE" };
        String[] resources = { "REFERRAL", "NEED", "CONSENT", "CLIENT_OVERVIEW" };
        byte[] prev = AuditCanonicalForm.GENESIS;
        HexFormat hex = HexFormat.of();
        StringBuilder chunk = new StringBuilder(1 << 22);
        CopyIn in = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyIn(copy);
        try {
            for (int i = 1; i <= RECORDS; i++) {
                boolean refused = i % 50 == 0;
                ChainRecord record = new ChainRecord(new UUID(0x4000_0000_0000_4000L, i), (long) i,
                        start.plusNanos(i * 1_000_000L), "4f1c2a9e-7d3b-4e55-9a61-" + String.format("%012d", i % 977),
                        i % 4 == 3 ? null : "1.2.246.10.2345678.20." + (i % 7), roles[i % 4], actions[i % 4],
                        resources[i % 4], new UUID(i, 42).toString(), String.format("%064x", i % 100_003),
                        i % 3 == 0 ? null : "REFERRAL", i % 3 == 0 ? null : "CONSENT", refused ? "REFUSED" : "PERMITTED",
                        refused ? 404 : null, new UUID(42, i).toString(), null, null).sealedAt(i, prev);
                prev = record.hash();
                if (i == RECORDS / 2) {
                    middleHash = record.hash();
                }
                chunk.append(record.id()).append('\t').append(record.recordedAt()).append('\t')
                        .append(record.actorSub()).append('\t').append(text(record.actorOrg())).append('\t')
                        .append(record.actorRole()).append('\t').append(record.action()).append('\t')
                        .append(record.resourceType()).append('\t').append(record.resourceId()).append('\t')
                        .append(record.clientId()).append('\t').append(text(record.purpose())).append('\t')
                        .append(text(record.legalBasis())).append('\t').append(record.outcome()).append('\t')
                        .append(record.refusalStatus() == null ? "\\N" : record.refusalStatus().toString()).append('\t')
                        .append(record.correlationId()).append('\t').append(i).append('\t')
                        .append("\\\\x").append(hex.formatHex(record.prevHash())).append('\t')
                        .append("\\\\x").append(hex.formatHex(record.hash())).append("\tt\n");
                if (chunk.length() > (1 << 21)) {
                    flush(in, chunk);
                }
            }
            flush(in, chunk);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        headHash = prev;
    }

    private static String text(String value) {
        return value == null ? "\\N" : value;
    }

    private static void flush(CopyIn in, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
