package fi.yhdyspinta.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;

/**
 * One record's attempts on a real Vert.x context: a passing fault is retried until it passes (here a
 * hundred times, far beyond the old three), poison is not retried, a handler failure is retried a
 * bounded number of times and then dead-lettered by its class, and every attempt runs on the record's
 * context, as Hibernate Reactive needs.
 */
class AttemptsTest {

    private static final Attempts.Policy FAST = new Attempts.Policy(new Backoff(Duration.ofMillis(1),
            Duration.ofMillis(4)), 3);

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aPassingFaultIsRetriedForAsLongAsItTakesOnTheRecordsContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        AtomicInteger calls = new AtomicInteger();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        List<InboxFailure> retries = new CopyOnWriteArrayList<>();

        Attempts.run(context, FAST, (kind, failure, retry, delay) -> retries.add(kind), () -> {
            contexts.add(Vertx.currentContext());
            return calls.incrementAndGet() <= 100
                    ? Uni.createFrom().failure(new PgException("the database system is shutting down", "FATAL",
                            "57P01", null))
                    : Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));

        assertThat(calls).hasValue(101);
        assertThat(retries).hasSize(100).containsOnly(InboxFailure.TRANSIENT);
        assertThat(contexts).hasSize(101).containsOnly(context);
    }

    @Test
    void poisonIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        PoisonEventException poison = new PoisonEventException("need-identified subject is not the payload's clientId");

        Throwable failure = failureOf(Attempts.run(newContext(), FAST, (kind, f, retry, delay) -> { }, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new java.util.concurrent.CompletionException(poison));
        }));

        assertThat(failure).isSameAs(poison);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aHandlerFailureIsRetriedABoundedNumberOfTimesThenDeadLetteredByItsClass() {
        AtomicInteger calls = new AtomicInteger();
        List<InboxFailure> retries = new CopyOnWriteArrayList<>();

        Throwable failure = failureOf(Attempts.run(newContext(), FAST, (kind, f, retry, delay) -> retries.add(kind),
                () -> {
                    calls.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("value 131052-9085 is wrong"));
                }));

        assertThat(failure).isInstanceOf(HandlerFailedException.class)
                .hasMessage("handler-failed: java.lang.IllegalStateException").hasNoCause();
        assertThat(calls).hasValue(4);
        assertThat(retries).containsExactly(InboxFailure.HANDLER_FAILED, InboxFailure.HANDLER_FAILED,
                InboxFailure.HANDLER_FAILED);
    }

    @Test
    void passingFaultsDoNotUseUpTheRetriesOfAHandlerFailure() {
        AtomicInteger calls = new AtomicInteger();
        Attempts.run(newContext(), FAST, (kind, f, retry, delay) -> { }, () -> {
            int call = calls.incrementAndGet();
            if (call <= 20) {
                return Uni.createFrom().failure(call % 2 == 0 ? new java.net.ConnectException("refused")
                        : new PgException("deadlock detected", "ERROR", "40P01", null));
            }
            return call <= 23 ? Uni.createFrom().failure(new IllegalStateException("bug")) : Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));
        assertThat(calls).hasValue(24);
    }

    @Test
    void aThrowingHandlerCountsAsAFailedAttempt() {
        AtomicInteger calls = new AtomicInteger();
        Attempts.run(newContext(), FAST, (kind, f, retry, delay) -> { }, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new jakarta.persistence.OptimisticLockException("row changed");
            }
            return Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));
        assertThat(calls).hasValue(3);
    }

    @Test
    void cancellingStopsTheRetries() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Attempts.Policy slow = new Attempts.Policy(new Backoff(Duration.ofMillis(50), Duration.ofMillis(50)), 3);
        Cancellable subscription = Attempts.run(newContext(), slow, (kind, f, retry, delay) -> { }, () -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new java.net.ConnectException("refused"));
        }).subscribe().with(ignored -> { }, ignored -> { });
        TimeUnit.MILLISECONDS.sleep(300);
        subscription.cancel();
        int atCancel = calls.get();
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(atCancel).isGreaterThan(1);
        assertThat(calls.get()).isLessThanOrEqualTo(atCancel + 1);
    }

    private static Context newContext() {
        return VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    }

    private static Throwable failureOf(Uni<Void> uni) {
        try {
            uni.await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
