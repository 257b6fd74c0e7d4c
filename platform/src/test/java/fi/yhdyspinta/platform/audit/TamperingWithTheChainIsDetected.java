package fi.yhdyspinta.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.PlatformTest;
import io.restassured.path.json.JsonPath;

/**
 * Someone with write access to a service's database changes its audit table; {@code GET /audit/verify} names
 * the first broken position and what was done there. Each test tampers while holding the sealer's lock (so the
 * sealer stands still), verifies, and puts the table back as it was.
 */
@PlatformTest
class TamperingWithTheChainIsDetected {

    /** The position tampered with: inside the chain, never its head. */
    private static final long AT = 10;

    @Inject
    AuditFixture fixture;

    @BeforeEach
    void aChainWithAnchors() {
        fixture.writeAndSeal(40);
        assertThat(Verify.asAuditor().getString("status")).isEqualTo("OK");
    }

    @Test
    void anUntouchedChainVerifiesWithItsCountAndHeadHash() throws SQLException {
        JsonPath answer = Verify.asAuditor();
        try (Connection connection = AuditFixture.jdbc()) {
            List<ChainRecord> chain = AuditFixture.chain(connection);
            ChainRecord head = chain.get(chain.size() - 1);
            assertThat(answer.getString("status")).isEqualTo("OK");
            assertThat(answer.getLong("count")).isEqualTo(chain.size()).isEqualTo(head.position());
            assertThat(answer.getLong("headPosition")).isEqualTo(head.position());
            assertThat(answer.getString("headHash")).isEqualTo(HexFormat.of().formatHex(head.hash()));
            assertThat(answer.getString("firstBrokenPosition")).isNull();
            assertThat(answer.getString("reason")).isNull();
            assertThat(answer.getInt("anchorsChecked")).isPositive();
            assertThat(answer.getLong("unsealed")).isZero();
        }
    }

    @Test
    void anEditedFieldIsReportedAsEditedAtItsPosition() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            tampering.execute("update audit_record set actor_role = 'unit-lead' where position = " + AT);
            assertBroken(Verify.asAuditor(), AT, ChainBreak.EDITED);
        }
    }

    @Test
    void aDeletedRecordIsReportedAsDeletedAtItsPosition() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            tampering.execute("delete from audit_record where position = " + AT);
            assertBroken(Verify.asAuditor(), AT, ChainBreak.DELETED);
        }
    }

    @Test
    void aDeletedRecordWithTheRestRenumberedIsReportedAsDeleted() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            tampering.execute("delete from audit_record where position = " + AT);
            tampering.execute("update audit_record set position = -position where position > " + AT);
            tampering.execute("update audit_record set position = -position - 1 where position < 0");
            assertBroken(Verify.asAuditor(), AT, ChainBreak.DELETED);
        }
    }

    @Test
    void aForgedRecordThatLinksToItsPredecessorIsReportedAsInserted() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            List<ChainRecord> chain = AuditFixture.chain(tampering.connection);
            ChainRecord before = chain.get((int) AT - 2);
            ChainRecord model = chain.get((int) AT - 1);
            // make room at AT, then a well-formed record there that links to AT - 1
            tampering.execute("update audit_record set position = -position where position >= " + AT);
            tampering.execute("update audit_record set position = -position + 1 where position < 0");
            ChainRecord forged = new ChainRecord(UUID.randomUUID(), AT, model.recordedAt(), model.actorSub(),
                    model.actorOrg(), model.actorRole(), "READ", "CONSENT", UUID.randomUUID().toString(),
                    model.clientId(), model.purpose(), model.legalBasis(), "PERMITTED", null,
                    model.correlationId(), null, null).sealedAt(AT, before.hash());
            AuditFixture.insert(tampering.connection, forged, true);
            assertBroken(Verify.asAuditor(), AT, ChainBreak.INSERTED);
        }
    }

    @Test
    void aSealedLookingRowWithoutHashesIsReportedAsInserted() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            ChainRecord model = AuditFixture.chain(tampering.connection).get((int) AT - 1);
            tampering.execute("update audit_record set position = -position where position >= " + AT);
            tampering.execute("update audit_record set position = -position + 1 where position < 0");
            ChainRecord forged = new ChainRecord(UUID.randomUUID(), AT, model.recordedAt(), model.actorSub(),
                    model.actorOrg(), model.actorRole(), model.action(), model.resourceType(), model.resourceId(),
                    model.clientId(), model.purpose(), model.legalBasis(), model.outcome(), null,
                    model.correlationId(), null, null);
            AuditFixture.insert(tampering.connection, forged, true);
            assertBroken(Verify.asAuditor(), AT, ChainBreak.INSERTED);
        }
    }

    @Test
    void twoSwappedRecordsAreReportedAsReordered() throws SQLException {
        try (Tampering tampering = new Tampering()) {
            tampering.execute("update audit_record set position = -1 where position = " + AT);
            tampering.execute("update audit_record set position = " + AT + " where position = " + (AT + 3));
            tampering.execute("update audit_record set position = " + (AT + 3) + " where position = -1");
            assertBroken(Verify.asAuditor(), AT, ChainBreak.REORDERED);
        }
    }

    @Test
    void aConsistentRewriteOfTheWholeTableDiffersFromThePublishedAnchors() throws SQLException {
        long firstAnchorFromAt = AuditFixture.queryLong(
                "select min(position) from audit_anchor where published and position >= " + AT);
        assertThat(firstAnchorFromAt).as("an anchor at or after the rewritten record").isPositive();
        try (Tampering tampering = new Tampering()) {
            // the whole chain recomputed, as someone who knows the algorithm would, after changing one record
            List<ChainRecord> chain = AuditFixture.chain(tampering.connection);
            byte[] prev = AuditCanonicalForm.GENESIS;
            try (PreparedStatement update = tampering.connection.prepareStatement(
                    "update audit_record set action = ?, prev_hash = ?, hash = ? where id = ?")) {
                for (ChainRecord record : chain) {
                    String action = record.position() == AT ? "LIST" : record.action();
                    ChainRecord rewritten = new ChainRecord(record.id(), record.position(), record.recordedAt(),
                            record.actorSub(), record.actorOrg(), record.actorRole(), action, record.resourceType(),
                            record.resourceId(), record.clientId(), record.purpose(), record.legalBasis(),
                            record.outcome(), record.refusalStatus(), record.correlationId(), null, null)
                            .sealedAt(record.position(), prev);
                    update.setString(1, action);
                    update.setBytes(2, rewritten.prevHash());
                    update.setBytes(3, rewritten.hash());
                    update.setObject(4, record.id());
                    update.addBatch();
                    prev = rewritten.hash();
                }
                update.executeBatch();
            }
            assertBroken(Verify.asAuditor(), firstAnchorFromAt, ChainBreak.ANCHOR_MISMATCH);
        }
    }

    private static void assertBroken(JsonPath answer, long position, ChainBreak reason) {
        assertThat(answer.getString("status")).isEqualTo("BROKEN");
        assertThat(answer.getString("reason")).isEqualTo(reason.name());
        assertThat(answer.getLong("firstBrokenPosition")).isEqualTo(position);
    }

    /**
     * Holds the service's sealer lock on a connection of its own, remembers the table and puts it back on close
     * (and checks that the restored chain verifies again).
     */
    private static final class Tampering implements AutoCloseable {

        final Connection connection;

        Tampering() throws SQLException {
            connection = AuditFixture.jdbc();
            execute("select pg_advisory_lock(" + AuditSignals.lockKey(AuditFixture.SERVICE) + ")");
            execute("create temporary table audit_before as select * from audit_record");
        }

        void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.setAutoCommit(false);
                execute("delete from audit_record");
                execute("insert into audit_record select * from audit_before");
                connection.commit();
                connection.setAutoCommit(true);
                execute("drop table audit_before");
                execute("select pg_advisory_unlock(" + AuditSignals.lockKey(AuditFixture.SERVICE) + ")");
            } finally {
                connection.close();
            }
            assertThat(Verify.asAuditor().getString("status")).as("the table put back verifies").isEqualTo("OK");
        }
    }
}
