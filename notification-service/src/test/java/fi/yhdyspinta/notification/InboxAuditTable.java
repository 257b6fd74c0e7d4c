package fi.yhdyspinta.notification;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fi.yhdyspinta.testsupport.TestInfrastructure;

/** This service's audit trail (table {@code audit_record}), read directly, as an auditor would. */
final class InboxAuditTable {

    /** One stored record, as far as the tests look at it. */
    record Row(String actorSub, String actorOrg, String actorRole, String action, String resourceType,
            String resourceId, String clientId, String purpose, String legalBasis, String outcome,
            Integer refusalStatus, String correlationId) {
    }

    private static final String COLUMNS = "actor_sub, actor_org, actor_role, action, resource_type, resource_id,"
            + " client_id, purpose, legal_basis, outcome, refusal_status, correlation_id";
    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private InboxAuditTable() {
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("notification"),
                "postgres", "postgres");
    }

    /** A fresh correlation id, sent as {@code X-Correlation-Id}, to find one request's records. */
    static String correlation() {
        return UUID.randomUUID().toString();
    }

    /** A valid test henkilötunnus (individual number 900–999) unlikely to be used by another test. */
    static String uniqueHenkilotunnus() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 70));
        String ddmmyy = String.format("%02d%02d%02d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
        int individual = 900 + random.nextInt(100);
        long number = Long.parseLong(ddmmyy + individual);
        return ddmmyy + "-" + individual + CHECK_CHARACTERS.charAt((int) (number % 31));
    }

    /** The records of one request, in the order they were written. */
    static List<Row> of(String correlationId) {
        return query("select " + COLUMNS + " from audit_record where correlation_id = ? order by seq", correlationId);
    }

    static List<Row> ofClient(String clientId) {
        return query("select " + COLUMNS + " from audit_record where client_id = ? order by seq", clientId);
    }

    /** Waits until the sealer has chained and published every record of the client. */
    static void awaitSealedAndPublished(String clientId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query("select " + COLUMNS + " from audit_record where"
                + " client_id = ? and (position is null or not published)", clientId).isEmpty());
    }

    private static List<Row> query(String sql, String parameter) {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
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
