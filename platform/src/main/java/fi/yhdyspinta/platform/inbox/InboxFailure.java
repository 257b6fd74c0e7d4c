package fi.yhdyspinta.platform.inbox;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import fi.yhdyspinta.platform.problem.DatabaseUnavailable;
import io.vertx.pgclient.PgException;

/**
 * What a failure of a consumed record's handling means for that record. The whole cause chain is
 * read, because Hibernate Reactive, the SQL client and Mutiny wrap the failure that tells.
 */
public enum InboxFailure {

    /**
     * Can pass: the database is away or refuses for now (see {@link DatabaseUnavailable}), a lock
     * timeout, a serialization failure or deadlock, an optimistic-lock conflict, a retriable Kafka
     * error. Retried with backoff for as long as it takes; never dead-lettered.
     */
    TRANSIENT,

    /**
     * Can never be handled: the record breaks its schema, has an unknown type, or the domain refused
     * it for good ({@link PoisonEventException}). Dead-lettered at once with its reason.
     */
    POISON,

    /**
     * Anything else: most likely a bug. A bounded number of retries, then dead-lettered with reason
     * {@code handler-failed: <class>} ({@link HandlerFailedException}) — kept, and re-drivable.
     */
    HANDLER_FAILED;

    /** SQLSTATEs of a conflict that a retry resolves: lock not available (lock timeout), serialization failure, deadlock. */
    static final Set<String> PASSING_SQL_STATES = Set.of("55P03", "40001", "40P01");

    private static final int MAX_DEPTH = 32;

    public static InboxFailure of(Throwable failure) {
        if (poisonIn(failure) != null) {
            return POISON;
        }
        if (DatabaseUnavailable.isCause(failure) || inChain(failure, InboxFailure::passes) != null) {
            return TRANSIENT;
        }
        return HANDLER_FAILED;
    }

    /** The poison in the failure's cause chain, or null. */
    static PoisonEventException poisonIn(Throwable failure) {
        return (PoisonEventException) inChain(failure, PoisonEventException.class::isInstance);
    }

    /** The SQLSTATE in the failure's cause chain, or null: it names the database's refusal without quoting data. */
    static String sqlStateIn(Throwable failure) {
        Throwable found = inChain(failure, t -> sqlState(t) != null);
        return found == null ? null : sqlState(found);
    }

    private static boolean passes(Throwable t) {
        if (t instanceof StaleStateException // also StaleObjectStateException: a @Version check failed
                || t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                || t instanceof org.apache.kafka.common.errors.RetriableException) {
            return true;
        }
        String state = sqlState(t);
        return state != null && PASSING_SQL_STATES.contains(state);
    }

    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static Throwable inChain(Throwable failure, Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null; depth++) {
            if (test.test(current)) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }
}
