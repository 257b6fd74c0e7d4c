package fi.yhdyspinta.platform.outbox;

import java.util.UUID;

import fi.yhdyspinta.events.CloudEvent;

/** Why an event happens: the request or event chain it belongs to (correlation) and its direct cause. */
public record Causation(String correlationId, String causationId) {

    /** A new chain, started by a request to this service. */
    public static Causation newChain() {
        return new Causation(UUID.randomUUID().toString(), null);
    }

    /** A chain started by a request that named its correlation id (header {@code X-Correlation-Id}). */
    public static Causation fromRequest(String correlationHeader) {
        if (correlationHeader != null && correlationHeader.matches(
                "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")) {
            return new Causation(correlationHeader, null);
        }
        return newChain();
    }

    /** The next link after an event this service consumed. */
    public static Causation after(CloudEvent cause) {
        return new Causation(cause.correlationid() != null ? cause.correlationid() : cause.id(), cause.id());
    }
}
