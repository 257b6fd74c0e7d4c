package fi.yhdyspinta.referral;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** This service's audit trail (table {@code audit_record}), read directly, as an auditor would. */
final class AuditTable {

    /** One stored record, as far as the tests look at it. */
    record Row(String actorSub, String actorOrg, String actorRole, String action, String resourceType,
            String resourceId, String clientId, String purpose, String legalBasis, String outcome,
            Integer refusalStatus, String correlationId) {
    }

    private AuditTable() {
    }

    /** A fresh correlation id, sent as {@code X-Correlation-Id}, to find one request's records. */
    static String correlation() {
        return UUID.randomUUID().toString();
    }

    /** The records of one request (or event chain), in the order they were written. */
    static List<Row> of(String correlationId) {
        return query("select actor_sub, actor_org, actor_role, action, resource_type, resource_id, client_id, purpose,"
                + " legal_basis, outcome, refusal_status, correlation_id from audit_record where correlation_id = ?"
                + " order by seq", correlationId);
    }

    /** The records about one client. */
    static List<Row> ofClient(String clientId) {
        return query("select actor_sub, actor_org, actor_role, action, resource_type, resource_id, client_id, purpose,"
                + " legal_basis, outcome, refusal_status, correlation_id from audit_record where client_id = ?"
                + " order by seq", clientId);
    }

    /** Waits until the sealer has chained and published every record of the client. */
    static void awaitSealedAndPublished(String clientId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTable.count(
                "select count(*) from audit_record where client_id = ? and (position is null or not published)",
                clientId) == 0);
    }

    private static List<Row> query(String sql, String parameter) {
        try (Connection db = OutboxTable.database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), (Integer) rs.getObject(11), rs.getString(12)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
