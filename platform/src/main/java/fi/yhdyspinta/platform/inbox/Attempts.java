package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The attempts at handling one consumed record, until it is handled, found poison, or has failed
 * unexpectedly too often ({@link InboxFailure}). A failure that can pass is retried for as long as it
 * takes: the returned {@code Uni} does not complete meanwhile, so the channel — which hands its
 * method one record at a time — holds the record and the partition waits behind it.
 *
 * <p>Every attempt runs on the record's Vert.x (duplicated) context, as Hibernate Reactive needs; a
 * retry is started from a Vert.x timer, never by nesting, so an outage of any length costs no stack.
 * When the subscriber goes away (the application stops), the pending retry is cancelled: the record
 * was not acknowledged and is delivered again after the restart.
 */
final class Attempts {

    /** How long to wait between attempts, and how many retries an unexpected failure gets. */
    record Policy(Backoff backoff, int handlerFailureRetries) {
    }

    /** Told of every retry, for counting and logging. */
    @FunctionalInterface
    interface Observer {
        void retrying(InboxFailure kind, Throwable failure, int retry, Duration delay);
    }

    private Attempts() {
    }

    /**
     * Runs {@code attempt} on {@code context} until it succeeds; fails with the {@link PoisonEventException}
     * of a poison record, or with a {@link HandlerFailedException} once unexpected failures used up their retries.
     */
    static Uni<Void> run(Context context, Policy policy, Observer observer, Supplier<Uni<Void>> attempt) {
        return Uni.createFrom().emitter(emitter -> new Run(context, policy, observer, attempt, emitter).start());
    }

    private static final class Run {

        private final Context context;
        private final Policy policy;
        private final Observer observer;
        private final Supplier<Uni<Void>> attempt;
        private final UniEmitter<? super Void> emitter;

        private volatile boolean over;
        private volatile long timer = -1;
        private int retries;
        private int handlerFailures;

        Run(Context context, Policy policy, Observer observer, Supplier<Uni<Void>> attempt,
                UniEmitter<? super Void> emitter) {
            this.context = context;
            this.policy = policy;
            this.observer = observer;
            this.attempt = attempt;
            this.emitter = emitter;
        }

        void start() {
            emitter.onTermination(() -> {
                over = true;
                long pending = timer;
                if (pending >= 0) {
                    context.owner().cancelTimer(pending);
                }
            });
            if (Vertx.currentContext() == context) {
                attempt();
            } else {
                context.runOnContext(ignored -> attempt());
            }
        }

        private void attempt() {
            if (over) {
                return;
            }
            Uni<Void> once;
            try {
                once = attempt.get();
            } catch (RuntimeException e) {
                once = Uni.createFrom().failure(e);
            }
            once.subscribe().with(ignored -> emitter.complete(null), this::failed);
        }

        private void failed(Throwable failure) {
            InboxFailure kind = InboxFailure.of(failure);
            switch (kind) {
                case POISON -> emitter.fail(InboxFailure.poisonIn(failure));
                case TRANSIENT -> retry(kind, failure);
                case HANDLER_FAILED -> {
                    if (handlerFailures < policy.handlerFailureRetries()) {
                        handlerFailures++;
                        retry(kind, failure);
                    } else {
                        emitter.fail(new HandlerFailedException(failure));
                    }
                }
            }
        }

        private void retry(InboxFailure kind, Throwable failure) {
            if (over) {
                return;
            }
            Duration delay = policy.backoff().delay(retries, ThreadLocalRandom.current().nextDouble());
            retries++;
            observer.retrying(kind, failure, retries, delay);
            timer = context.owner().setTimer(Math.max(1, delay.toMillis()), id -> {
                timer = -1;
                context.runOnContext(ignored -> attempt());
            });
        }
    }
}
