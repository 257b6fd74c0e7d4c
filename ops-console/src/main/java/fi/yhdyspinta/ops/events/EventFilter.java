package fi.yhdyspinta.ops.events;

/** What ops asked to see of the stream: a topic, a CloudEvent type, a correlation id; a blank one matches all. */
public record EventFilter(String topic, String type, String correlationId) {

    public EventFilter {
        topic = blankToNull(topic);
        type = blankToNull(type);
        correlationId = blankToNull(correlationId);
    }

    public static EventFilter all() {
        return new EventFilter(null, null, null);
    }

    public static EventFilter correlation(String correlationId) {
        return new EventFilter(null, null, correlationId);
    }

    public boolean matches(EventSummary event) {
        return (topic == null || topic.equals(event.topic()))
                && (type == null || (event.type() != null && event.type().contains(type)))
                && (correlationId == null || correlationId.equals(event.correlationId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
