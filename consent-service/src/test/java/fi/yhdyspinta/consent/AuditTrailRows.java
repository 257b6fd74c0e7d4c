package fi.yhdyspinta.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;

/**
 * The service's own audit trail as stored ({@code audit_record}, read with plain JDBC as an auditor would), and
 * audit records of other services played onto the {@code audit} topic as their sealers publish them.
 */
final class AuditTrailRows {

    private AuditTrailRows() {
    }

    /** This service's audit records of one request (its correlation id), in insertion order. */
    static List<Map<String, Object>> ofRequest(String correlationId) {
        return query("select actor_sub, actor_org, actor_role, action, resource_type, resource_id, client_id, purpose, "
                + "legal_basis, outcome, refusal_status from audit_record where correlation_id = ? order by seq",
                correlationId);
    }

    /** This service's audit records about one resource, in insertion order. */
    static List<Map<String, Object>> ofResource(String resourceId) {
        return query("select actor_sub, actor_org, actor_role, action, resource_type, resource_id, client_id, purpose, "
                + "legal_basis, outcome, refusal_status from audit_record where resource_id = ? order by seq",
                resourceId);
    }

    private static List<Map<String, Object>> query(String sql, String parameter) {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Connection db = ConsentDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                    }
                    found.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** A sealed record of another service, as its sealer publishes it on {@code audit}. */
    static AuditRecorded record(String service, OffsetDateTime at, String actorSub, String actorOrg, String actorRole,
            String action, String resourceType, String clientId, String purpose, String legalBasis, String outcome,
            Integer refusalStatus) {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return new AuditRecorded(service, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2),
                java.util.HexFormat.of().formatHex(hash), at.withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MICROS), actorSub, actorOrg, actorRole, action, resourceType,
                UUID.randomUUID().toString(), clientId, purpose, legalBasis, outcome, refusalStatus,
                UUID.randomUUID().toString());
    }

    /** Publishes the record as {@code service}'s sealer would (CloudEvent id = a new record id); answers the event. */
    static CloudEvent publish(AuditRecorded record) {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/yhdyspinta/" + record.service(),
                EventType.AUDIT_RECORDED, record.clientId(), record.recordedAt(), record.correlationId(), null,
                EventJson.mapper().valueToTree(record));
        send(event);
        return event;
    }

    /** Sends an event (again) to {@code audit}, keyed by its client. */
    static void send(CloudEvent event) {
        KafkaRecords.send(Scenario.bootstrap(), EventType.AUDIT_RECORDED.topic(), event.subject(),
                TestEvents.json(event));
    }
}
