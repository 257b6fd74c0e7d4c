package fi.yhdyspinta.platform.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides when the relay runs a round: one at a time; a wake-up that arrives while a round runs is not
 * lost but coalesced into one more round after it; after a failed round nothing runs until the backoff
 * has passed (100 ms doubling to 5 s), and then one retry round runs, whatever woke the relay meanwhile.
 * Thread-safe; it only decides, the relay starts the rounds and the timers.
 */
final class RoundGate {

    /** Why a round runs ({@code yhdyspinta_outbox_rounds_total{trigger}}). */
    enum Trigger {
        /** A commit's NOTIFY (or a wake-up that arrived while a round ran). */
        NOTIFY,
        /** The safety-net timer. */
        TIMER,
        /** The LISTEN connection (re)subscribed: catches up with what was committed meanwhile. */
        LISTEN,
        /** The previous round read a full batch. */
        MORE,
        /** After a backoff (a failed round, or the Kafka channel not wired yet). */
        RETRY;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration NOT_READY_RETRY = Duration.ofMillis(100);

    private boolean running;
    private Trigger queued;
    private boolean waiting;
    private int failures;

    /** A wake-up: the round to start now, or empty (one runs — then one more follows — or a retry is due). */
    synchronized Optional<Trigger> wake(Trigger trigger) {
        if (running) {
            if (queued == null) {
                queued = trigger == Trigger.TIMER ? Trigger.TIMER : Trigger.NOTIFY;
            }
            return Optional.empty();
        }
        if (waiting) {
            return Optional.empty();
        }
        running = true;
        return Optional.of(trigger);
    }

    /** The backoff has passed: the retry round to start now, or empty if one is running already. */
    synchronized Optional<Trigger> retryDue() {
        waiting = false;
        return wake(Trigger.RETRY);
    }

    /** The round succeeded: the round to start at once, if any. */
    synchronized Optional<Trigger> succeeded(boolean full) {
        running = false;
        failures = 0;
        Trigger next = full ? Trigger.MORE : queued;
        queued = null;
        return next == null ? Optional.empty() : wake(next);
    }

    /** The round failed: how long to wait before the retry (the caller schedules {@link #retryDue()}). */
    synchronized Duration failed() {
        running = false;
        queued = null;
        waiting = true;
        failures++;
        long millis = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** The round could not start (Kafka not wired yet): how long to wait; not counted as a failure. */
    synchronized Duration notReady() {
        running = false;
        queued = null;
        waiting = true;
        return NOT_READY_RETRY;
    }

    /** Failed rounds in a row so far (0 after a success). */
    synchronized int failures() {
        return failures;
    }
}
