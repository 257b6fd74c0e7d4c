package fi.yhdyspinta.platform.inbox;

import java.time.Duration;

/**
 * Exponential backoff with jitter: the n-th retry (0-based) waits a random time between half of and
 * the whole of {@code initial × 2ⁿ}, capped at {@code max} — so that instances retrying after the same
 * outage do not all come back at once.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The wait before retry {@code retry} (0-based), with {@code random} in [0, 1). */
    public Duration delay(int retry, double random) {
        long initialMs = Math.max(1, initial.toMillis());
        long maxMs = Math.max(initialMs, max.toMillis());
        long nominal = maxMs;
        if (retry < 40) {
            long grown = initialMs << Math.max(0, retry);
            if (grown > 0 && grown < maxMs) {
                nominal = grown;
            }
        }
        long half = nominal / 2;
        return Duration.ofMillis(half + (long) (Math.min(Math.max(random, 0), 1) * (nominal - half)));
    }
}
