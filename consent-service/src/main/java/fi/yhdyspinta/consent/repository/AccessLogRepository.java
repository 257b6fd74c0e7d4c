package fi.yhdyspinta.consent.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import fi.yhdyspinta.consent.domain.AccessLogCursor;
import fi.yhdyspinta.consent.domain.AccessLogRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogRecord, UUID> {

    private final Pool pool;

    public AccessLogRepository(Pool pool) {
        this.pool = pool;
    }

    private static final String COLUMNS = "id, client_id, recorded_at, service, position, actor_sub, actor_org, "
            + "actor_role, action, resource_type, resource_id, purpose, legal_basis, statutory, outcome, refusal_status, "
            + "correlation_id";

    /**
     * Keeps the records once, in one transaction of their own (pipelined inserts): a record consumed again (same
     * id) changes nothing. Answers how many were new.
     */
    public Uni<Integer> insertAll(List<AccessLogRecord> rows) {
        List<Tuple> values = rows.stream().map(AccessLogRepository::values).toList();
        return pool.withTransaction(connection -> connection.preparedQuery("insert into access_log_entry (" + COLUMNS
                + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
                + " on conflict (id) do nothing")
                .executeBatch(values))
                .map(AccessLogRepository::inserted);
    }

    private static Tuple values(AccessLogRecord r) {
        return Tuple.from(new Object[] { r.id, r.clientId, r.recordedAt, r.service, r.position, r.actorSub, r.actorOrg,
                r.actorRole, r.action.name(), r.resourceType.name(), r.resourceId,
                r.purpose == null ? null : r.purpose.name(), r.legalBasis == null ? null : r.legalBasis.name(),
                r.statutory, r.outcome.name(), r.refusalStatus, r.correlationId });
    }

    /** A batch's answer is one row set per execution, chained. */
    private static int inserted(RowSet<Row> first) {
        int inserted = 0;
        for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
            inserted += rows.rowCount();
        }
        return inserted;
    }

    /**
     * One page of a client's log, newest first, before the cursor (null: from the newest); only the acts of
     * {@code actorOrganisation} when it is given. Reads {@code limit} rows.
     */
    public Uni<List<AccessLogRecord>> page(String clientId, String actorOrganisation, AccessLogCursor before,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from access_log_entry where client_id = :client");
        if (actorOrganisation != null) {
            sql.append(" and actor_org = :org");
        }
        if (before != null) {
            sql.append(" and (recorded_at, id) < (:at, :id)");
        }
        sql.append(" order by recorded_at desc, id desc limit :limit");
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<AccessLogRecord> query = session.createNativeQuery(sql.toString(),
                    AccessLogRecord.class);
            query.setParameter("client", clientId);
            if (actorOrganisation != null) {
                query.setParameter("org", actorOrganisation);
            }
            if (before != null) {
                query.setParameter("at", before.recordedAt());
                query.setParameter("id", before.id());
            }
            query.setParameter("limit", limit);
            return query.getResultList();
        });
    }
}
