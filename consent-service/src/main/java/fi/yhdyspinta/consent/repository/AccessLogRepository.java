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

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogRecord, UUID> {

    private static final String COLUMNS = "id, client_id, recorded_at, service, position, actor_sub, actor_org, "
            + "actor_role, action, resource_type, resource_id, purpose, legal_basis, statutory, outcome, refusal_status, "
            + "correlation_id";

    /** Keeps the record once: a record consumed again (same id) changes nothing. Must run inside a transaction. */
    public Uni<Boolean> insertOnce(AccessLogRecord r) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into access_log_entry ("
                + COLUMNS + ") values (:id, :client, :at, :service, :position, :sub, :org, :role, :action, :resource, "
                + ":resourceId, :purpose, :basis, :statutory, :outcome, :status, :correlation) on conflict (id) do nothing")
                .setParameter("id", r.id)
                .setParameter("client", r.clientId)
                .setParameter("at", r.recordedAt)
                .setParameter("service", r.service)
                .setParameter("position", r.position)
                .setParameter("sub", r.actorSub)
                .setParameter("org", r.actorOrg)
                .setParameter("role", r.actorRole)
                .setParameter("action", r.action.name())
                .setParameter("resource", r.resourceType.name())
                .setParameter("resourceId", r.resourceId)
                .setParameter("purpose", r.purpose == null ? null : r.purpose.name())
                .setParameter("basis", r.legalBasis == null ? null : r.legalBasis.name())
                .setParameter("statutory", r.statutory)
                .setParameter("outcome", r.outcome.name())
                .setParameter("status", r.refusalStatus)
                .setParameter("correlation", r.correlationId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
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
