package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The inbox of a projection that keeps one row per event, keyed by the event's id (so a redelivered event finds
 * its row and changes nothing, without a {@code processed_event} row): records are gathered for up to
 * {@code linger} or {@code maxBatch} records and written in ONE transaction, then acknowledged together — under
 * load one commit per batch instead of one per record. Made by {@link BatchInboxes}.
 *
 * <p>The same rules as {@link Inbox}: a poison record is refused at once (nacked, so the channel's dead-letter
 * strategy sends it to {@code <topic>.dlq} with its reason) and never holds the others; a write that fails for
 * a passing reason is retried with backoff for as long as it takes, holding the batch — the consumer waits once
 * a full batch is waiting, so nothing piles up; an unexpected failure is retried, then the batch's records are
 * dead-lettered with reason {@code handler-failed: <class>}. A record is acknowledged only after its batch
 * committed: a crash before loses nothing (the records come again). Order among records is not kept: use it only
 * for projections where each row stands alone.
 *
 * @param <R> the row one event becomes
 */
public final class BatchInbox<R> {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);

    /** Writes the rows in one transaction and answers how many were new (the rest were there already). */
    @FunctionalInterface
    public interface Writer<R> extends Function<List<R>, Uni<Integer>> {
    }

    private record Pending<R>(Message<String> message, R row, CompletableFuture<Void> written) {
    }

    private final String consumer;
    private final EventType type;
    private final Function<CloudEvent, R> rows;
    private final Writer<R> writer;
    private final int maxBatch;
    private final Duration linger;
    private final Vertx vertx;
    private final Attempts.Policy policy;
    private final MeterRegistry metrics;
    private final Object lock = new Object();
    private List<Pending<R>> pending = new ArrayList<>();
    /** A flush is due (its timer set) or running; offers meanwhile only join the next batch. */
    private boolean flushing;

    BatchInbox(String consumer, EventType type, Function<CloudEvent, R> rows, Writer<R> writer, int maxBatch,
            Duration linger, Vertx vertx, Attempts.Policy policy, MeterRegistry metrics) {
        this.consumer = consumer;
        this.type = type;
        this.rows = rows;
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.linger = linger;
        this.vertx = vertx;
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * Takes one record of the channel ({@code @Incoming} method with a {@code Message<String>} parameter, which
     * acknowledges manually). Answers at once while the batch has room; once it is full, when it is written.
     */
    public Uni<Void> offer(Message<String> message) {
        R row;
        try {
            CloudEvent event = IncomingEvents.read(message.getPayload(), type);
            row = rows.apply(event);
        } catch (PoisonEventException e) {
            count("poison", 1);
            LOG.warnf("%s dead-letters a record of %s to %s: %s", consumer, type.topic(), type.deadLetterTopic(),
                    e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Pending<R> added = new Pending<>(message, row, new CompletableFuture<>());
        boolean full;
        boolean schedule = false;
        synchronized (lock) {
            pending.add(added);
            full = pending.size() >= maxBatch;
            if (!flushing) {
                flushing = true;
                schedule = true;
            }
        }
        if (schedule) {
            flushSoon(full);
        }
        return full ? Uni.createFrom().completionStage(added.written()) : Uni.createFrom().voidItem();
    }

    private void flush() {
        List<Pending<R>> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
        }
        if (batch.isEmpty()) {
            next();
            return;
        }
        List<R> batchRows = batch.stream().map(Pending::row).toList();
        int[] inserted = new int[1];
        Attempts.run(context(), policy, this::retrying,
                () -> writer.apply(batchRows).invoke(count -> inserted[0] = count).replaceWithVoid())
                .subscribe().with(done -> {
                    count("handled", inserted[0]);
                    count("duplicate", batch.size() - inserted[0]);
                    batch.forEach(p -> p.message().ack().whenComplete((ignored, e) -> p.written().complete(null)));
                    next();
                }, failure -> {
                    count("handler-failed", batch.size());
                    LOG.errorf("%s gives up on a batch of %d records of %s after %d unexpected failures: %s; they go to"
                            + " %s to be re-driven once the fault is fixed", consumer, batch.size(), type.topic(),
                            policy.handlerFailureRetries() + 1, failure.getMessage(), type.deadLetterTopic());
                    batch.forEach(p -> p.message().nack(failure).whenComplete((ignored, e) -> p.written().complete(null)));
                    next();
                });
    }

    /** After a batch: the records that arrived meanwhile get their own, at once if it is full. */
    private void next() {
        boolean again;
        boolean full;
        synchronized (lock) {
            again = !pending.isEmpty();
            full = pending.size() >= maxBatch;
            flushing = again;
        }
        if (again) {
            flushSoon(full);
        }
    }

    /** A full batch at once; otherwise once the linger is over, so that more records can join. */
    private void flushSoon(boolean full) {
        if (full || linger.isZero()) {
            flush();
        } else {
            vertx.setTimer(Math.max(1, linger.toMillis()), id -> flush());
        }
    }

    private void retrying(InboxFailure kind, Throwable failure, int retry, Duration delay) {
        metrics.counter("yhdyspinta.inbox.retries", "topic", type.topic(), "cause",
                kind == InboxFailure.TRANSIENT ? "transient" : "handler-failed").increment();
        if (retry == 1 || kind != InboxFailure.TRANSIENT) {
            LOG.warnf("%s: a batch of %s could not be written (%s%s); retry %d in %d ms", consumer, type.topic(),
                    HandlerFailedException.tellingClass(failure), kind == InboxFailure.TRANSIENT ? ", passing" : "",
                    retry, delay.toMillis());
        }
    }

    /** The counters {@link Inbox} keeps, so that ops see one picture: handled, duplicate, poison, handler-failed. */
    private void count(String outcome, int amount) {
        if (amount > 0) {
            metrics.counter("yhdyspinta.inbox.events", "topic", type.topic(), "outcome", outcome).increment(amount);
        }
    }

    private Context context() {
        Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(fresh, true);
        return fresh;
    }
}
