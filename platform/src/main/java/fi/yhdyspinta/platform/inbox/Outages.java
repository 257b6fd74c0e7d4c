package fi.yhdyspinta.platform.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Logs a passing fault once per outage and topic — when the first retry starts and when a record is
 * handled again — instead of once per retry. Names the failure's class only, never a message or the
 * record: lower layers' messages may quote data.
 */
final class Outages {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final String consumer;
    private final Map<String, Outage> ongoing = new ConcurrentHashMap<>();

    Outages(String consumer) {
        this.consumer = consumer;
    }

    private record Outage(long startedAt, AtomicLong retries) {
    }

    /** A retry of a passing fault on the topic: the first of an outage is logged. */
    void retrying(String topic, Throwable failure) {
        boolean[] first = { false };
        Outage outage = ongoing.computeIfAbsent(topic, t -> {
            first[0] = true;
            return new Outage(System.nanoTime(), new AtomicLong());
        });
        outage.retries().incrementAndGet();
        if (first[0]) {
            LOG.warnf("%s cannot handle events of %s for now (%s): holding the record and retrying with backoff "
                    + "until it passes", consumer, topic, rootClass(failure));
        }
    }

    /** A record of the topic is done with (handled, dead-lettered, or given up at shutdown). */
    void over(String topic) {
        Outage outage = ongoing.remove(topic);
        if (outage != null) {
            Duration lasted = Duration.ofNanos(System.nanoTime() - outage.startedAt());
            LOG.infof("%s handles events of %s again, after %d retries in %d s", consumer, topic,
                    outage.retries().get(), lasted.toSeconds());
        }
    }

    static String rootClass(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
