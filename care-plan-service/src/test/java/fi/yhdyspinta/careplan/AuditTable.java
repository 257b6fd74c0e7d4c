package fi.yhdyspinta.careplan;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** This service's audit trail (table {@code audit_record}), read directly, as an auditor would. */
final class AuditTable {

    /** One stored record, as far as the tests look at it. */
    record Row(String actorSub, String actorOrg, String actorRole, String action, String resourceType,
            String resourceId, String clientId, String purpose, String legalBasis, String outcome,
            Integer refusalStatus, String correlationId) {
    }

    private static final String COLUMNS = "select actor_sub, actor_org, actor_role, action, resource_type, resource_id,"
            + " client_id, purpose, legal_basis, outcome, refusal_status, correlation_id from audit_record";

    private AuditTable() {
    }

    /** A fresh correlation id, sent as {@code X-Correlation-Id}, to find one request's records. */
    static String correlation() {
        return UUID.randomUUID().toString();
    }

    /** The records of one request, in the order they were written. */
    static List<Row> of(String correlationId) {
        return query(COLUMNS + " where correlation_id = :value order by seq", correlationId);
    }

    /** The records about one client. */
    static List<Row> ofClient(String clientId) {
        return query(COLUMNS + " where client_id = :value order by seq", clientId);
    }

    /** Waits until the sealer has chained and published every record of the client. */
    static void awaitSealedAndPublished(String clientId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> run(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from audit_record where client_id = "
                        + ":client and (position is null or not published)", Long.class)
                        .setParameter("client", clientId).getSingleResult()))) == 0);
    }

    /** Runs SQL on the service's database (a test trigger, say). */
    static void execute(String sql) {
        run(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql).executeUpdate())));
    }

    private static List<Row> query(String sql, String value) {
        List<Object[]> rows = run(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class).setParameter("value", value)
                        .getResultList())));
        return rows.stream().map(r -> new Row(text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]),
                text(r[5]), text(r[6]), text(r[7]), text(r[8]), text(r[9]),
                r[10] == null ? null : ((Number) r[10]).intValue(), text(r[11]))).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("database step failed", e);
        }
    }
}
