package fi.yhdyspinta.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes the audit trail (DESIGN §8). An act's records are INSERTed in the act's own transaction, so they
 * commit or roll back with it; nothing else happens there — no chain lock, so reads and writes of different
 * clients never wait for each other. Right after the commit the service's {@link AuditSealer} gives them
 * their chain position and hash and publishes them.
 */
@ApplicationScoped
public class AuditTrail {

    private final Pool pool;
    private final String channel;
    private final Clock clock;

    @Inject
    public AuditTrail(Pool pool, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this(pool, applicationName, Clock.systemUTC());
    }

    AuditTrail(Pool pool, String applicationName, Clock clock) {
        this.pool = pool;
        this.channel = AuditSignals.channel(applicationName);
        this.clock = clock;
    }

    /**
     * Records one act. Must run inside the caller's Hibernate Reactive transaction ({@code @WithTransaction} /
     * {@code Panache.withTransaction}, as {@code Outbox.record}); fails with {@link IllegalStateException}
     * outside one, so a record can never be written apart from its act.
     */
    public Uni<Void> record(AuditEntry entry) {
        return recordAll(List.of(entry));
    }

    /**
     * Records several acts — a list answer records each client it returned — with one multi-row insert
     * (chunks of {@value AuditInsert#MAX_ROWS}), in the caller's transaction as {@link #record}.
     */
    public Uni<Void> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<AuditEntry>> chunks = chunks(entries);
        return Panache.currentTransaction().chain(transaction -> {
            if (transaction == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "AuditTrail.record must run inside the act's transaction (@WithTransaction)"));
            }
            return Panache.getSession().chain(session -> insertAll(session, chunks, 0));
        });
    }

    /**
     * Records a refused attempt (403/404) in a transaction of its OWN, on its own connection: the request's
     * transaction rolls back with the refusal, and the record of the attempt must stay. May be called inside
     * or outside the request's transaction; the record is committed when the item arrives. Prefer calling it once
     * the request's transaction has ended (e.g. in an {@code onFailure().call(...)} around the transactional work):
     * called inside it, the request holds two pool connections at once, and under a full pool such requests wait
     * for each other.
     */
    public Uni<Void> recordRefusal(AuditEntry entry) {
        OffsetDateTime now = now();
        Tuple values = Tuple.tuple();
        AuditInsert.values(entry, UUID.randomUUID(), now).forEach(values::addValue);
        values.addValue(channel);
        String sql = AuditInsert.sql(1, i -> "$" + (i + 1));
        return pool.withTransaction(connection -> connection.preparedQuery(sql).execute(values)).replaceWithVoid();
    }

    private Uni<Void> insertAll(Mutiny.Session session, List<List<AuditEntry>> chunks, int index) {
        if (index == chunks.size()) {
            return Uni.createFrom().voidItem();
        }
        List<AuditEntry> chunk = chunks.get(index);
        OffsetDateTime now = now();
        Mutiny.MutationQuery insert = session.createNativeQuery(AuditInsert.sql(chunk.size(), i -> ":p" + i));
        int parameter = 0;
        for (AuditEntry entry : chunk) {
            for (Object value : AuditInsert.values(entry, UUID.randomUUID(), now)) {
                insert.setParameter("p" + parameter++, value);
            }
        }
        insert.setParameter("p" + parameter, channel);
        return insert.executeUpdate().chain(() -> insertAll(session, chunks, index + 1));
    }

    private static List<List<AuditEntry>> chunks(List<AuditEntry> entries) {
        List<List<AuditEntry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += AuditInsert.MAX_ROWS) {
            chunks.add(List.copyOf(entries.subList(from, Math.min(entries.size(), from + AuditInsert.MAX_ROWS))));
        }
        return chunks;
    }

    /** Truncated to microseconds, PostgreSQL's precision: the stored time is exactly the one hashed later. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
