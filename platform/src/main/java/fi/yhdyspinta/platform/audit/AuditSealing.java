package fi.yhdyspinta.platform.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One sealing round (in its own transaction, right after the commits that recorded entries): takes the
 * service's sealer lock ({@code pg_try_advisory_xact_lock}, a key of its own — another instance holding it
 * seals for everyone, this round does nothing), reads up to a batch of unsealed records in insertion order
 * ({@code seq}), gives them the positions after the chain's head with
 * {@code hash = SHA-256(canonical(record) || prev_hash)} and writes them in one statement. In the same
 * transaction it decides an anchor (the head's position and hash) when {@code every-records} records were
 * sealed since the last anchor or {@code interval} has passed and the chain grew; the anchor waits in
 * {@code audit_anchor} for {@link AuditPublication}.
 *
 * <p>The lock lives as long as the transaction; a frozen instance's transaction is ended by the database
 * after {@link #ABANDONED_ROUND} idle, so no instance can stop the sealing for good.
 */
@ApplicationScoped
public class AuditSealing {

    static final Duration ABANDONED_ROUND = Duration.ofSeconds(90);

    private final Pool pool;
    private final long lockKey;
    private final int batch;
    private final long anchorEvery;
    private final Duration anchorInterval;

    @Inject
    public AuditSealing(Pool pool, @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "yhdyspinta.audit.batch-size", defaultValue = "500") int batch,
            @ConfigProperty(name = "yhdyspinta.audit.anchor.every-records", defaultValue = "1000") long anchorEvery,
            @ConfigProperty(name = "yhdyspinta.audit.anchor.interval", defaultValue = "60s") Duration anchorInterval) {
        this.pool = pool;
        this.lockKey = AuditSignals.lockKey(applicationName);
        this.batch = batch;
        this.anchorEvery = anchorEvery;
        this.anchorInterval = anchorInterval;
    }

    /** What a round did: records sealed, whether it read a full batch, the head after it; or locked elsewhere. */
    public record Sealed(int sealed, boolean full, long headPosition, boolean anchored, boolean lockedElsewhere) {

        static final Sealed LOCKED_ELSEWHERE = new Sealed(0, false, -1, false, true);
    }

    public Uni<Sealed> sealPending() {
        return pool.withTransaction(connection -> lock(connection, lockKey).chain(holder -> holder
                ? seal(connection)
                : Uni.createFrom().item(Sealed.LOCKED_ELSEWHERE)));
    }

    /** Takes the sealer lock for this transaction, if free; also ends the transaction if it is abandoned. */
    static Uni<Boolean> lock(SqlConnection connection, long key) {
        return connection.preparedQuery("select pg_try_advisory_xact_lock($1) from (select set_config("
                + "'idle_in_transaction_session_timeout', $2, true)) guard")
                .execute(Tuple.of(key, String.valueOf(ABANDONED_ROUND.toMillis())))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Sealed> seal(SqlConnection connection) {
        Uni<RowSet<Row>> head = connection.preparedQuery(
                "select position, hash from audit_record where position is not null order by position desc limit 1")
                .execute();
        return head.chain(headRows -> {
            long headPosition = 0;
            byte[] headHash = AuditCanonicalForm.GENESIS;
            for (Row row : headRows) {
                headPosition = row.getLong(0);
                headHash = row.getBuffer(1).getBytes();
            }
            long position = headPosition;
            byte[] hash = headHash;
            return connection.preparedQuery("select " + ChainRows.COLUMNS
                    + " from audit_record where position is null order by seq limit $1")
                    .execute(Tuple.of(batch))
                    .chain(unsealed -> {
                        List<ChainRecord> sealed = new ArrayList<>(unsealed.size());
                        long next = position;
                        byte[] prev = hash;
                        for (Row row : unsealed) {
                            ChainRecord record = ChainRows.of(row).sealedAt(++next, prev);
                            sealed.add(record);
                            prev = record.hash();
                        }
                        long newHead = next;
                        byte[] newHeadHash = prev;
                        return write(connection, sealed)
                                .chain(() -> anchorIfDue(connection, newHead, newHeadHash))
                                .map(anchored -> new Sealed(sealed.size(), sealed.size() == batch, newHead, anchored,
                                        false));
                    });
        });
    }

    private static Uni<Void> write(SqlConnection connection, List<ChainRecord> sealed) {
        if (sealed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = new UUID[sealed.size()];
        Long[] positions = new Long[sealed.size()];
        String[] prevHashes = new String[sealed.size()];
        String[] hashes = new String[sealed.size()];
        for (int i = 0; i < sealed.size(); i++) {
            ChainRecord record = sealed.get(i);
            ids[i] = record.id();
            positions[i] = record.position();
            prevHashes[i] = AuditCanonicalForm.hex(record.prevHash());
            hashes[i] = AuditCanonicalForm.hex(record.hash());
        }
        return connection.preparedQuery("update audit_record a set position = s.position,"
                + " prev_hash = decode(s.prev_hash, 'hex'), hash = decode(s.hash, 'hex')"
                + " from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) as s(id, position, prev_hash, hash)"
                + " where a.id = s.id and a.position is null")
                .execute(Tuple.of(ids, positions, prevHashes, hashes))
                .invoke(rows -> {
                    if (rows.rowCount() != sealed.size()) {
                        throw new IllegalStateException("sealed " + rows.rowCount() + " audit records of "
                                + sealed.size() + "; the round rolls back");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Boolean> anchorIfDue(SqlConnection connection, long head, byte[] headHash) {
        if (head == 0) {
            return Uni.createFrom().item(false);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return connection.preparedQuery("select position, anchored_at from audit_anchor order by position desc limit 1")
                .execute()
                .chain(last -> {
                    boolean due = true;
                    for (Row row : last) {
                        long anchored = row.getLong(0);
                        OffsetDateTime at = row.getOffsetDateTime(1);
                        due = head > anchored && (head - anchored >= anchorEvery
                                || !at.plus(anchorInterval).isAfter(now));
                    }
                    if (!due) {
                        return Uni.createFrom().item(false);
                    }
                    return connection.preparedQuery("insert into audit_anchor (position, hash, anchored_at)"
                            + " values ($1, decode($2, 'hex'), $3) on conflict (position) do nothing")
                            .execute(Tuple.of(head, AuditCanonicalForm.hex(headHash), now))
                            .replaceWith(true);
                });
    }

    /** The chain's head position and the number of unsealed records, for the metrics. */
    public Uni<long[]> sizes() {
        return pool.preparedQuery("select (select coalesce(max(position), 0) from audit_record),"
                + " (select count(*) from audit_record where position is null)")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[] { row.getLong(0), row.getLong(1) };
                });
    }
}
