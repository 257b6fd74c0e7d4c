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

    /** New events that match, as they arrive. */
    public Multi<EventSummary> live(EventFilter filter) {
        return live.filter(filter::matches);
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
