package fi.yhdyspinta.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting in the service's own database to be published. It is written in the same
 * transaction as the state change it announces (transactional outbox), so neither is lost alone.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The record key: the pseudonymous client id. */
    @Column(name = "event_key", nullable = false)
    public String key;

    /** The whole CloudEvent, structured mode. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The CloudEvent type, so that ops can tell what a quarantined row is without reading its payload. */
    @Column(name = "event_type")
    public String eventType;

    /** When the broker refused the row for good; it then waits for ops instead of blocking the others. */
    @Column(name = "quarantined_at")
    public OffsetDateTime quarantinedAt;

    /** Why the broker refused it (exception class and message; never the payload). */
    @Column(name = "quarantine_reason")
    public String quarantineReason;
}
