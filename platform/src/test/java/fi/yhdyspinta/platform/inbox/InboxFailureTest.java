package fi.yhdyspinta.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.hibernate.HibernateException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Transient is not poison: what the inbox retries until it passes, what it dead-letters at once, and
 * what it gives a few retries as a probable bug — on failures a real PostgreSQL raises through the
 * reactive client, and as Hibernate Reactive and Mutiny wrap them.
 */
class InboxFailureTest {

    private static Vertx vertx;
    private static EmbeddedPostgres postgres;
    private static Pool pool;

    @BeforeAll
    static void start() throws IOException, SQLException {
        vertx = Vertx.vertx();
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("pg-inbox-failure"))
                .setCleanDataDirectory(true).start();
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement s = db.createStatement()) {
            s.execute("create table account (id int primary key, balance int not null)");
            s.execute("insert into account values (1, 100), (2, 100)");
        }
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
                .connectingTo(new PgConnectOptions().setPort(postgres.getPort()).setHost("localhost")
                        .setDatabase("postgres").setUser("postgres").setPassword("postgres"))
                .using(vertx).build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aLockTimeoutPassesAlsoWhenHibernateWrapsIt() throws Exception {
        SqlConnection holder = await(pool.getConnection());
        SqlConnection waiter = await(pool.getConnection());
        try {
            await(holder.query("begin").execute());
            await(holder.query("select * from account where id = 1 for update").execute());
            await(waiter.query("begin").execute());
            await(waiter.query("set local lock_timeout = '100ms'").execute());
            Throwable timeout = failureOf(waiter.query("update account set balance = 0 where id = 1").execute());

            assertThat(timeout).isInstanceOf(PgException.class);
            assertThat(((PgException) timeout).getSqlState()).isEqualTo("55P03");
            assertThat(InboxFailure.of(timeout)).isEqualTo(InboxFailure.TRANSIENT);
            assertThat(InboxFailure.of(new CompletionException(new HibernateException("could not execute", timeout))))
                    .isEqualTo(InboxFailure.TRANSIENT);
        } finally {
            release(holder, waiter);
        }
    }

    @Test
    void aSerializationFailurePasses() throws Exception {
        SqlConnection first = await(pool.getConnection());
        SqlConnection second = await(pool.getConnection());
        try {
            await(first.query("begin isolation level serializable").execute());
            await(second.query("begin isolation level serializable").execute());
            await(first.query("select sum(balance) from account").execute());
            await(second.query("select sum(balance) from account").execute());
            await(first.query("update account set balance = balance - 10 where id = 1").execute());
            await(first.query("commit").execute());
            // write skew: the second read what the first changed; its write or its commit is refused
            Throwable conflict = failureOf(second.query("update account set balance = balance - 10 where id = 2")
                    .execute().compose(updated -> second.query("commit").execute()));

            assertThat(((PgException) conflict).getSqlState()).isEqualTo("40001");
            assertThat(InboxFailure.of(conflict)).isEqualTo(InboxFailure.TRANSIENT);
        } finally {
            release(first, second);
        }
    }

    @Test
    void aDeadlockAndADatabaseThatIsAwayPass() {
        assertThat(InboxFailure.of(new PgException("deadlock detected", "ERROR", "40P01", null)))
                .isEqualTo(InboxFailure.TRANSIENT);
        assertThat(InboxFailure.of(new CompletionException(new java.net.ConnectException("Connection refused"))))
                .isEqualTo(InboxFailure.TRANSIENT);
        assertThat(InboxFailure.of(new PgException("the database system is starting up", "FATAL", "57P03", null)))
                .isEqualTo(InboxFailure.TRANSIENT);
    }

    @Test
    void anOptimisticLockConflictPasses() {
        assertThat(InboxFailure.of(new CompletionException(new StaleObjectStateException("PendingNeed", 1))))
                .isEqualTo(InboxFailure.TRANSIENT);
        assertThat(InboxFailure.of(new jakarta.persistence.OptimisticLockException("row was updated")))
                .isEqualTo(InboxFailure.TRANSIENT);
    }

    @Test
    void aRetriableKafkaErrorPasses() {
        assertThat(InboxFailure.of(new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("t"))))
                .isEqualTo(InboxFailure.TRANSIENT);
        assertThat(InboxFailure.of(new org.apache.kafka.common.errors.NotEnoughReplicasException("n")))
                .isEqualTo(InboxFailure.TRANSIENT);
        assertThat(InboxFailure.of(new org.apache.kafka.common.errors.RecordTooLargeException("r")))
                .isEqualTo(InboxFailure.HANDLER_FAILED);
    }

    @Test
    void poisonIsPoisonEvenWrappedAndFoundUnwrapped() {
        PoisonEventException poison = new PoisonEventException("need-identified subject is not the payload's clientId");
        assertThat(InboxFailure.of(poison)).isEqualTo(InboxFailure.POISON);
        CompletionException wrapped = new CompletionException(new HibernateException("in transaction", poison));
        assertThat(InboxFailure.of(wrapped)).isEqualTo(InboxFailure.POISON);
        assertThat(InboxFailure.poisonIn(wrapped)).isSameAs(poison);
    }

    @Test
    void anythingElseIsAHandlerFailureThatNamesItsClassOnly() throws Exception {
        SqlConnection connection = await(pool.getConnection());
        try {
            Throwable unique = failureOf(connection.query("insert into account values (1, 5)").execute());
            assertThat(((PgException) unique).getSqlState()).isEqualTo("23505");
            assertThat(InboxFailure.of(unique)).isEqualTo(InboxFailure.HANDLER_FAILED);
            Throwable raised = failureOf(connection.query(
                    "do $$ begin raise exception 'refused: 131052-9085'; end $$").execute());
            assertThat(InboxFailure.of(raised)).isEqualTo(InboxFailure.HANDLER_FAILED);
            assertThat(InboxFailure.sqlStateIn(new CompletionException(raised))).isEqualTo("P0001");

            HandlerFailedException dead = new HandlerFailedException(new CompletionException(raised));
            assertThat(dead.getMessage()).isEqualTo("handler-failed: io.vertx.pgclient.PgException");
            assertThat(dead.getCause()).isNull();
        } finally {
            connection.close();
        }
        assertThat(InboxFailure.of(new NullPointerException())).isEqualTo(InboxFailure.HANDLER_FAILED);
        assertThat(InboxFailure.of(new IllegalStateException("HR000068: not on a Vert.x context")))
                .isEqualTo(InboxFailure.HANDLER_FAILED);
        assertThat(new HandlerFailedException(new IllegalArgumentException("131052-9085")).getMessage())
                .isEqualTo("handler-failed: java.lang.IllegalArgumentException");
    }

    /** Back to the pool with no transaction open (an aborted one would poison the next test's connection). */
    private static void release(SqlConnection... connections) throws Exception {
        for (SqlConnection connection : connections) {
            await(connection.query("rollback").execute());
            await(connection.close());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            await(future);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
