package fi.yhdyspinta.platform.audit;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;

/** Reading {@code audit_record} rows as {@link ChainRecord}s: one column list, read by index. */
final class ChainRows {

    static final String COLUMNS = "id, position, recorded_at, actor_sub, actor_org, actor_role, action, resource_type,"
            + " resource_id, client_id, purpose, legal_basis, outcome, refusal_status, correlation_id, prev_hash, hash";

    private ChainRows() {
    }

    static ChainRecord of(Row row) {
        return new ChainRecord(row.getUUID(0), row.getLong(1), row.getOffsetDateTime(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), row.getString(12), row.getInteger(13),
                row.getString(14), bytes(row.getBuffer(15)), bytes(row.getBuffer(16)));
    }

    private static byte[] bytes(Buffer buffer) {
        return buffer == null ? null : buffer.getBytes();
    }
}
