package fi.yhdyspinta.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * "The database cannot serve now" (→ 503 with Retry-After) told apart from faults (→ 500) and from bad
 * requests, on the failures the reactive PostgreSQL client really raises against a real server —
 * and wrapped as Hibernate Reactive and Mutiny wrap them.
 */
class DatabaseUnavailableTest {

    private static Vertx vertx;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("pg-unavailable"))
                .setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aRefusedConnectionIsUnavailableAlsoWhenHibernateWrapsIt() throws Exception {
        Pool pool = pool(freePort(), new PoolOptions().setMaxSize(1));
        try {
            Throwable refused = failureOf(pool.getConnection());
            assertThat(refused).isInstanceOf(java.net.ConnectException.class); // Netty's AnnotatedConnectException
            assertThat(DatabaseUnavailable.isCause(refused)).isTrue();
            assertThat(DatabaseUnavailable.isCause(
                    new CompletionException(new HibernateException("could not open a connection", refused)))).isTrue();
        } finally {
            pool.close();
        }
    }

    @Test
    void noConnectionFreeWithinTheTimeoutIsUnavailable() throws Exception {
        Pool pool = pool(postgres.getPort(), new PoolOptions().setMaxSize(1).setConnectionTimeout(1500)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS));
        try {
            SqlConnection held = pool.getConnection().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            Throwable timeout = failureOf(pool.getConnection());
            held.close();
            assertThat(DatabaseUnavailable.isCause(timeout)).as(timeout.toString()).isTrue();
        } finally {
            pool.close();
        }
    }

    @Test
    void aFullWaitQueueIsUnavailable() throws Exception {
        Pool pool = pool(postgres.getPort(), new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(0));
        try {
            SqlConnection held = pool.getConnection().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            Throwable tooBusy = failureOf(pool.getConnection());
            held.close();
            assertThat(DatabaseUnavailable.isCause(tooBusy)).as(tooBusy.toString()).isTrue();
        } finally {
            pool.close();
        }
    }

    @Test
    void aConnectionTheServerTerminatedIsUnavailable() throws Exception {
        Pool pool = pool(postgres.getPort(), new PoolOptions().setMaxSize(2));
        try {
            SqlConnection victim = pool.getConnection().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            Integer pid = victim.query("select pg_backend_pid()").execute().map(rows -> rows.iterator().next().getInteger(0))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            pool.query("select pg_terminate_backend(" + pid + ")").execute()
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            Throwable lost = failureOf(victim.query("select 1").execute());
            assertThat(DatabaseUnavailable.isCause(lost)).as(lost.toString()).isTrue();
            // and the next use of the closed connection
            Throwable closed = failureOf(victim.query("select 1").execute());
            assertThat(DatabaseUnavailable.isCause(closed)).as(closed.toString()).isTrue();
        } finally {
            pool.close();
        }
    }

    @Test
    void aStatementTheServerRefusesIsNoOutage() throws Exception {
        Pool pool = pool(postgres.getPort(), new PoolOptions().setMaxSize(1));
        try {
            Throwable syntax = failureOf(pool.query("selec 1").execute());
            assertThat(DatabaseUnavailable.isCause(syntax)).as(syntax.toString()).isFalse();
            Throwable duplicate = failureOf(pool.query(
                    "select * from (values (1), (1)) v(x) where x = (select x from (values (1), (1)) w(x))").execute());
            assertThat(DatabaseUnavailable.isCause(duplicate)).as(duplicate.toString()).isFalse();
            assertThat(DatabaseUnavailable.isCause(new HibernateException("mapping", syntax))).isFalse();
        } finally {
            pool.close();
        }
    }

    @Test
    void faultsAndClientErrorsAreNoOutage() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(ProblemException.notFound("need"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
        RuntimeException selfCaused = new RuntimeException("loop");
        RuntimeException outer = new RuntimeException(selfCaused);
        selfCaused.initCause(outer); // a cycle must not loop for ever
        assertThat(DatabaseUnavailable.isCause(outer)).isFalse();
    }

    private Pool pool(int port, PoolOptions options) {
        PgConnectOptions connect = new PgConnectOptions().setHost("127.0.0.1").setPort(port).setDatabase("postgres")
                .setUser("postgres").setPassword("postgres").setConnectTimeout(2000);
        return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 20 s", e);
        }
        throw new AssertionError("expected a failure");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
