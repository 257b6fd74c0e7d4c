package fi.yhdyspinta.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/** Writes audit entries as a service would, and looks at the table with plain JDBC, as an auditor (or a tamperer) would. */
@ApplicationScoped
public class AuditFixture {

    static final String SERVICE = "platform-service";
    static final Caller SOCIAL_WORKER = new Caller("4f1c2a9e-7d3b-4e55-9a61-0c2b8d7e6f10",
            Optional.of(TestUsers.SOCIAL_SERVICES), Optional.of(Sector.SOCIAL), Set.of("professional", "social-worker"),
            Optional.empty());

    private final AuditTrail trail;
    private final Vertx vertx;

    public AuditFixture(AuditTrail trail, Vertx vertx) {
        this.trail = trail;
        this.vertx = vertx;
    }

    static ClientId newClient() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            return new ClientId(HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A social worker read a referral of the client, on consent, for a referral. */
    static AuditEntry readOf(ClientId client) {
        return AuditEntry.permitted(SOCIAL_WORKER, AuditAction.READ, AuditResource.REFERRAL, UUID.randomUUID().toString(),
                client, Purpose.REFERRAL, LegalBasis.CONSENT, UUID.randomUUID().toString());
    }

    /** Runs the work in a transaction of its own on a Vert.x context, as a request would; waits for the commit. */
    <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    <T> T await(Supplier<Uni<T>> work) {
        try {
            return Background.run(vertx, work).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void write(List<AuditEntry> entries) {
        inTransaction(() -> trail.recordAll(entries));
    }

    /** Writes {@code count} reads of fresh clients and waits until the sealer has sealed and published them. */
    void writeAndSeal(int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(readOf(newClient()));
        }
        write(entries);
        awaitSealedAndAnchored();
    }

    static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("postgres"), "postgres",
                "postgres");
    }

    static long queryLong(String sql) {
        try (Connection connection = jdbc(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String where) {
        return queryLong("select count(*) from audit_record where " + where);
    }

    /**
     * Waits until every record is sealed and published and the head is anchored and the anchor published
     * (anchors come every second in the tests).
     */
    static void awaitSealedAndAnchored() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long head = queryLong("select coalesce(max(position), 0) from audit_record");
            if (count("position is null or not published") == 0
                    && queryLong("select coalesce(max(position), 0) from audit_anchor where published") == head
                    && queryLong("select count(*) from audit_anchor where not published") == 0) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the audit records were not sealed, published and anchored within 60 s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sealed chain as stored, in position order. */
    static List<ChainRecord> chain(Connection connection) throws SQLException {
        List<ChainRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "select " + ChainRows.COLUMNS + " from audit_record where position is not null order by position")) {
            while (rows.next()) {
                records.add(record(rows));
            }
        }
        return records;
    }

    static ChainRecord record(ResultSet rows) throws SQLException {
        return new ChainRecord(rows.getObject(1, UUID.class), rows.getLong(2),
                rows.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13),
                (Integer) rows.getObject(14), rows.getString(15), rows.getBytes(16), rows.getBytes(17));
    }

    /** Inserts a record as it is (sealed or not), as someone with write access to the table could. */
    static void insert(Connection connection, ChainRecord record, boolean published) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_record (" + AuditInsert.COLUMNS
                + ", position, prev_hash, hash, published) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, record.id());
            insert.setObject(2, record.recordedAt());
            insert.setString(3, record.actorSub());
            insert.setString(4, record.actorOrg());
            insert.setString(5, record.actorRole());
            insert.setString(6, record.action());
            insert.setString(7, record.resourceType());
            insert.setString(8, record.resourceId());
            insert.setString(9, record.clientId());
            insert.setString(10, record.purpose());
            insert.setString(11, record.legalBasis());
            insert.setString(12, record.outcome());
            insert.setObject(13, record.refusalStatus());
            insert.setString(14, record.correlationId());
            insert.setObject(15, record.position());
            insert.setBytes(16, record.prevHash());
            insert.setBytes(17, record.hash());
            insert.setBoolean(18, published);
            insert.executeUpdate();
        }
    }
}
