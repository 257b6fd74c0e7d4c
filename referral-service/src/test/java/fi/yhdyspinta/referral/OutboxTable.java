package fi.yhdyspinta.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.platform.outbox.OutboxPublisher;
import fi.yhdyspinta.platform.outbox.OutboxSender;
import fi.yhdyspinta.platform.outbox.OutboxSignals;
import fi.yhdyspinta.platform.pg.PgChannelListener;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/** This service's outbox table, written and read directly, as another instance or an older version would. */
final class OutboxTable {

    static final String SERVICE = "referral-service";

    private OutboxTable() {
    }

    /**
     * Another instance's outbox publisher: its own Kafka sender and its own relay connection to this service's
     * database, which the database ends after {@code abandonedLead} without a statement.
     */
    static OutboxPublisher anotherInstance(OutboxSender sender, Vertx vertx, Duration abandonedLead) {
        PgConnectOptions database = PgChannelListener.connectOptions(
                TestInfrastructure.get().postgres().reactiveUrl("referral"), Optional.of(EmbeddedPostgresServer.USER),
                Optional.of(EmbeddedPostgresServer.PASSWORD));
        return new OutboxPublisher(sender, new SimpleMeterRegistry(), vertx, SERVICE, database, abandonedLead);
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("referral"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** Inserts a pending row in the caller's transaction; answers its position. */
    static long insert(Connection db, UUID eventId, String type, String topic, String key, String payload)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into outbox_event (event_id, event_type, topic,"
                + " event_key, payload, created_at) values (?, ?, ?, ?, ?, ?) returning position")) {
            insert.setObject(1, eventId);
            insert.setString(2, type);
            insert.setString(3, topic);
            insert.setString(4, key);
            insert.setString(5, payload);
            insert.setObject(6, OffsetDateTime.now());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Wakes the service's relays when the caller's transaction commits, as {@code Outbox.record} does. */
    static void notifyRelays(Connection db) throws SQLException {
        try (PreparedStatement notify = db.prepareStatement("select pg_notify(?, '')")) {
            notify.setString(1, OutboxSignals.channel(SERVICE));
            notify.execute();
        }
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One column of the row at {@code position}, or null. */
    static Object column(long position, String column) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select " + column + " from outbox_event where position = ?")) {
            query.setLong(1, position);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    /**
     * Terminates the connection of whichever relay leads (it holds an advisory lock under the relay's connection
     * name), as when the leading instance dies; answers how many were terminated.
     */
    static int terminateRelayConnections() throws SQLException {
        try (Connection db = database(); PreparedStatement terminate = db.prepareStatement("select"
                + " pg_terminate_backend(l.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and a.datname = current_database()"
                + " and a.application_name = ?")) {
            terminate.setString(1, SERVICE + " outbox relay");
            int terminated = 0;
            try (ResultSet rs = terminate.executeQuery()) {
                while (rs.next()) {
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        }
    }
}
