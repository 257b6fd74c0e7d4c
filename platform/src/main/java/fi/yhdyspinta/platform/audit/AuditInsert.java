package fi.yhdyspinta.platform.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The one statement that writes audit entries: a multi-row insert that also queues the service's
 * {@code NOTIFY audit_<service>} (delivered only when the transaction commits, once however many rows),
 * in one round trip:
 *
 * <pre>
 * insert into audit_record (id, recorded_at, …) select v.* from (values (…), (…)) v(id, recorded_at, …),
 *     pg_notify(channel, '') n
 * </pre>
 */
final class AuditInsert {

    /** Rows per statement: 14 parameters each, well under PostgreSQL's 65 535. */
    static final int MAX_ROWS = 1000;

    static final String COLUMNS = "id, recorded_at, actor_sub, actor_org, actor_role, action, resource_type, "
            + "resource_id, client_id, purpose, legal_basis, outcome, refusal_status, correlation_id";
    private static final String[] TYPES = { "uuid", "timestamptz", "text", "text", "text", "text", "text", "text",
            "text", "text", "text", "text", "integer", "text" };
    static final int PARAMETERS_PER_ROW = TYPES.length;

    private AuditInsert() {
    }

    /**
     * The statement for {@code rows} rows; {@code placeholder.apply(i)} names the i-th parameter (0-based),
     * the rows' values first ({@link #values}), the channel last (index {@code rows * PARAMETERS_PER_ROW}).
     */
    static String sql(int rows, IntFunction<String> placeholder) {
        StringBuilder sql = new StringBuilder(96 + rows * 260).append("insert into audit_record (").append(COLUMNS)
                .append(") select v.* from (values ");
        int parameter = 0;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < TYPES.length; column++) {
                if (column > 0) {
                    sql.append(", ");
                }
                sql.append("cast(").append(placeholder.apply(parameter++)).append(" as ").append(TYPES[column])
                        .append(')');
            }
            sql.append(')');
        }
        return sql.append(") as v(").append(COLUMNS).append("), pg_notify(").append(placeholder.apply(parameter))
                .append(", '') as n").toString();
    }

    /** The parameter values of one entry, in column order. */
    static List<Object> values(AuditEntry entry, UUID id, OffsetDateTime recordedAt) {
        List<Object> values = new ArrayList<>(PARAMETERS_PER_ROW);
        values.add(id);
        values.add(recordedAt);
        values.add(entry.actor().subject());
        values.add(entry.actor().organisation());
        values.add(entry.actor().role());
        values.add(entry.action().name());
        values.add(entry.resourceType().name());
        values.add(entry.resourceId());
        values.add(entry.clientId().value());
        values.add(entry.purpose() == null ? null : entry.purpose().name());
        values.add(entry.legalBasis() == null ? null : entry.legalBasis().name());
        values.add(entry.outcome().name());
        values.add(entry.refusalStatus());
        values.add(entry.correlationId());
        return values;
    }
}
