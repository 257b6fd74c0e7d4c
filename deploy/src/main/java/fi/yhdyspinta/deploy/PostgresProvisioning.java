package fi.yhdyspinta.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import fi.yhdyspinta.infra.EmbeddedPostgresServer;

/** Creates the services' login role and hands it the databases; safe to repeat on every start. */
final class PostgresProvisioning {

    private PostgresProvisioning() {
    }

    static void grantToAppRole(EmbeddedPostgresServer postgres, String role, List<String> databases) {
        requireIdentifier(role);
        try (Connection c = superuser(postgres, "postgres"); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                // identifiers checked above; the password equals the role name in the local stack only
                s.execute("create role " + role + " login password '" + role + "'");
            }
            for (String db : databases) {
                requireIdentifier(db);
                s.execute("alter database " + db + " owner to " + role);
                s.execute("grant all privileges on database " + db + " to " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision role " + role, e);
        }
        for (String db : databases) {
            try (Connection c = superuser(postgres, db); Statement s = c.createStatement()) {
                s.execute("alter schema public owner to " + role);
                s.execute("grant all on schema public to " + role);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot grant schema public of " + db + " to " + role, e);
            }
        }
    }

    private static Connection superuser(EmbeddedPostgresServer postgres, String db) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(db), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
    }
}
