package fi.yhdyspinta.ops.events;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.ops.OpsConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The events the console's consumer read: the latest ones kept (for a timeline and a page's first rows), and
 * every new one broadcast to the open streams.
 */
@ApplicationScoped
public class EventFeed {

    static final int STREAM_BUFFER = 10_000;

    private final int kept;
    private final Deque<EventSummary> latest = new ArrayDeque<>();
    private final BroadcastProcessor<EventSummary> live = BroadcastProcessor.create();

    public EventFeed(OpsConfig config) {
        this.kept = config.events().kept();
    }

    public void publish(EventSummary event) {
        synchronized (latest) {
            latest.addLast(event);
            while (latest.size() > kept) {
                latest.removeFirst();
            }
        }
        live.onNext(event);
    }

    /**
     * New events that match, as they arrive. Each stream has its own buffer: a burst must not cut off a stream
     * whose client reads one event at a time (a broadcast without demand fails its subscriber); a stream that falls
     * {@value #STREAM_BUFFER} events behind ends, and the browser's EventSource connects again.
     */
    public Multi<EventSummary> live(EventFilter filter) {
        return live.onOverflow().buffer(STREAM_BUFFER).filter(filter::matches);
    }

    /** The kept events that match, newest first, at most {@code limit}. */
    public List<EventSummary> recent(EventFilter filter, int limit) {
        synchronized (latest) {
            List<EventSummary> newestFirst = new java.util.ArrayList<>();
            for (var it = latest.descendingIterator(); it.hasNext() && newestFirst.size() < limit;) {
                EventSummary event = it.next();
                if (filter.matches(event)) {
                    newestFirst.add(event);
                }
            }
            return newestFirst;
        }
    }

    /** One correlation id's kept events in the order they happened: the story of one referral across services. */
    public List<EventSummary> timeline(String correlationId) {
        EventFilter filter = EventFilter.correlation(correlationId);
        synchronized (latest) {
            return latest.stream().filter(filter::matches)
                    .sorted(Comparator.comparing(EventSummary::time, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        }
    }
}
