package fi.yhdyspinta.ops.services;

import java.util.List;

/**
 * One service's health as ops see it: its {@code /q/health} status and checks (the database's and the broker's
 * among them), the audit-chain verify result ({@code /audit/verify}) and the archive backlog where it has one.
 */
public record ServiceHealth(String service, String status, List<Check> checks, String database, String audit,
        Long auditRecords, Long archiveBacklog, Long archiveOverdue) {

    public record Check(String name, String status) {
    }

    public boolean up() {
        return "UP".equals(status);
    }
}
