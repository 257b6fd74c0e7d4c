package fi.yhdyspinta.platform.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure because the database cannot serve now (refused or lost connection, server shutting
 * down or starting up, pool exhausted or timed out) from a fault of the request or the code. The
 * reactive PostgreSQL client and Hibernate Reactive wrap these in {@code CompletionException},
 * {@code HibernateException} and the like, so the whole cause chain is walked. Such a failure is
 * answered 503 with {@code Retry-After}, not 500: the client may retry, nothing is wrong with its request.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), admin/crash
     * shutdown and "starting up" (57P01-57P03), too many connections (53300).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final int MAX_DEPTH = 32;

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says the database cannot serve now. */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null; depth++) {
            if (isUnavailable(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof ConnectException // also Netty's AnnotatedConnectException and ConnectTimeoutException
                || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException
                || t instanceof ClosedConnectionException
                || t instanceof ClosedChannelException
                || t instanceof ConnectionPoolTooBusyException
                || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof SocketException) {
            // "Connection reset", "Broken pipe": the server went away under the connection
            return true;
        }
        if (t instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
        }
        if (t instanceof NoStackTraceThrowable || t instanceof io.vertx.core.VertxException) {
            // the SQL client's pool: "Timeout" (no connection within the connection timeout),
            // "Timeout waiting for connection"; a connection the server closed: "Connection is not active now, …"
            String message = t.getMessage();
            return message != null && (message.equals("Timeout") || message.startsWith("Timeout waiting for connection")
                    || message.startsWith("Connection is not active now") || message.equals("Connection is closed")
                    || message.equals("Pool closed"));
        }
        return false;
    }
}
