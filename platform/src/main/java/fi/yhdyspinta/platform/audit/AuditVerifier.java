package fi.yhdyspinta.platform.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Walks the service's audit chain in position order and answers whether it is whole ({@link ChainVerification}).
 * The walk reads pages of {@code yhdyspinta.audit.verify.page-size} records by position (keyset paging on the
 * position index, the next page fetched while the current one is hashed), so memory stays flat whatever the
 * chain's length. For each record, in this order (the first failure is the answer):
 * <ol>
 * <li>its position follows the previous one — else {@link ChainBreak#DELETED} at the missing position;</li>
 * <li>it has its hashes — else {@link ChainBreak#INSERTED} (a sealed-looking row the sealer never wrote);</li>
 * <li>its {@code prev_hash} is the previous record's hash (32 zero bytes for position 1) — else the record it
 * does link to decides: one at a later position → {@link ChainBreak#REORDERED}; one further back → the records
 * between were {@link ChainBreak#INSERTED}; none → the one it followed is gone and the rest renumbered
 * ({@link ChainBreak#DELETED}), or, when the record itself is intact, its predecessor was rewritten with a
 * fresh hash ({@link ChainBreak#EDITED} at the predecessor);</li>
 * <li>{@code SHA-256(canonical(record) || prev_hash)} is its stored hash — else {@link ChainBreak#EDITED};</li>
 * <li>its hash is the one every published anchor at its position names — else {@link ChainBreak#ANCHOR_MISMATCH}
 * (a whole table rewritten with a recomputed, consistent chain).</li>
 * </ol>
 * An anchor beyond the head means records at the end are gone: {@link ChainBreak#DELETED} after the head.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final PublishedAnchors anchors;
    private final AuditMetrics metrics;
    private final int pageSize;

    @Inject
    public AuditVerifier(Pool pool, PublishedAnchors anchors, AuditMetrics metrics,
            @ConfigProperty(name = "yhdyspinta.audit.verify.page-size", defaultValue = "10000") int pageSize) {
        this.pool = pool;
        this.anchors = anchors;
        this.metrics = metrics;
        this.pageSize = pageSize;
    }

    /** Reads the published anchors, walks the chain; on a worker thread (both block). */
    public Uni<ChainVerification> verify() {
        return Uni.createFrom().item(() -> verify(anchors.read()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The walk against these anchors. Blocking: never on the event loop. */
    ChainVerification verify(List<Anchor> published) {
        NavigableMap<Long, List<byte[]>> anchorsAt = new TreeMap<>();
        for (Anchor anchor : published) {
            anchorsAt.computeIfAbsent(anchor.position(), p -> new ArrayList<>()).add(anchor.hash());
        }
        long unsealed = await(pool.preparedQuery("select count(*) from audit_record where position is null").execute()
                .map(rows -> rows.iterator().next().getLong(0)));
        Walk walk = new Walk(anchorsAt);
        CompletableFuture<List<ChainRecord>> next = page(0);
        while (next != null) {
            List<ChainRecord> page = next.join();
            if (page.isEmpty()) {
                break;
            }
            long last = page.get(page.size() - 1).position();
            next = page.size() == pageSize ? page(last) : null; // fetched while this page is hashed
            for (ChainRecord record : page) {
                Break found = walk.step(record);
                if (found != null) {
                    if (next != null) {
                        next.cancel(false);
                    }
                    return broken(found, walk, unsealed);
                }
            }
        }
        Map.Entry<Long, List<byte[]>> beyond = anchorsAt.higherEntry(walk.position);
        if (beyond != null) {
            // an anchor names a position the chain no longer reaches: its end was cut off
            return broken(new Break(walk.position + 1, ChainBreak.DELETED), walk, unsealed);
        }
        ChainVerification ok = ChainVerification.ok(walk.count, walk.position, walk.position == 0 ? null : walk.hash,
                walk.anchorsChecked, unsealed);
        metrics.verified(true);
        return ok;
    }

    private ChainVerification broken(Break found, Walk walk, long unsealed) {
        long[] head = { 0 };
        byte[][] headHash = { null };
        await(pool.preparedQuery("select position, hash from audit_record where position is not null"
                + " order by position desc limit 1").execute().invoke(rows -> {
                    for (Row row : rows) {
                        head[0] = row.getLong(0);
                        headHash[0] = row.getBuffer(1) == null ? null : row.getBuffer(1).getBytes();
                    }
                }));
        long count = await(pool.preparedQuery("select count(*) from audit_record where position is not null")
                .execute().map(rows -> rows.iterator().next().getLong(0)));
        LOG.warnf("audit chain broken at position %d: %s", found.position(), found.reason());
        metrics.verified(false);
        return ChainVerification.broken(count, head[0], headHash[0], found.position(), found.reason(),
                walk.anchorsChecked, unsealed);
    }

    private CompletableFuture<List<ChainRecord>> page(long after) {
        return pool.preparedQuery("select " + ChainRows.COLUMNS
                + " from audit_record where position > $1 order by position limit $2")
                .execute(Tuple.of(after, pageSize))
                .map(rows -> {
                    List<ChainRecord> records = new ArrayList<>(rows.size());
                    rows.forEach(row -> records.add(ChainRows.of(row)));
                    return records;
                })
                .subscribeAsCompletionStage();
    }

    /** Where the record this one links to stands in the chain, if anywhere. */
    private Long positionOfHash(byte[] hash, ChainRecord except) {
        return await(pool.preparedQuery("select position from audit_record where hash = decode($1, 'hex')"
                + " and id <> $2 and position is not null order by position limit 1")
                .execute(Tuple.of(AuditCanonicalForm.hex(hash), except.id()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0)));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(QUERY_TIMEOUT);
    }

    private record Break(long position, ChainBreak reason) {
    }

    /** The walk's state: the last good record (position, hash), how many, anchors compared. */
    private final class Walk {

        private final NavigableMap<Long, List<byte[]>> anchorsAt;
        long position;
        byte[] hash = AuditCanonicalForm.GENESIS;
        long count;
        int anchorsChecked;

        Walk(NavigableMap<Long, List<byte[]>> anchorsAt) {
            this.anchorsAt = anchorsAt;
        }

        Break step(ChainRecord record) {
            long expected = position + 1;
            if (record.position() != expected) {
                return new Break(expected, ChainBreak.DELETED);
            }
            if (record.hash() == null || record.prevHash() == null
                    || record.hash().length != AuditCanonicalForm.HASH_BYTES
                    || record.prevHash().length != AuditCanonicalForm.HASH_BYTES) {
                return new Break(record.position(), ChainBreak.INSERTED);
            }
            boolean contentOk = Arrays.equals(AuditCanonicalForm.hash(record, record.prevHash()), record.hash());
            if (!Arrays.equals(record.prevHash(), hash)) {
                return linkBroken(record, contentOk);
            }
            if (!contentOk) {
                return new Break(record.position(), ChainBreak.EDITED);
            }
            List<byte[]> anchored = anchorsAt.get(record.position());
            if (anchored != null) {
                anchorsChecked += anchored.size();
                for (byte[] anchorHash : anchored) {
                    if (!Arrays.equals(anchorHash, record.hash())) {
                        return new Break(record.position(), ChainBreak.ANCHOR_MISMATCH);
                    }
                }
            }
            position = record.position();
            hash = record.hash();
            count++;
            return null;
        }

        private Break linkBroken(ChainRecord record, boolean contentOk) {
            Long linked = positionOfHash(record.prevHash(), record);
            if (linked != null && linked > record.position()) {
                return new Break(record.position(), ChainBreak.REORDERED);
            }
            if (linked != null && linked < record.position() - 1) {
                return new Break(linked + 1, ChainBreak.INSERTED);
            }
            if (contentOk && position > 0) {
                // intact itself, it follows a hash that no longer exists: its predecessor was rewritten
                return new Break(position, ChainBreak.EDITED);
            }
            return new Break(record.position(), ChainBreak.DELETED);
        }
    }
}
