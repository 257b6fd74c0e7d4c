package fi.yhdyspinta.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event for one subscription. Written in the consuming inbox's transaction; sent later by the scheduled sender
 * outside any transaction. {@link #seq}, assigned by the database on insert, orders one client's deliveries per
 * subscription.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends QueuedSend {

    @Id
    public UUID id;

    /** Assigned by the database (bigserial); null on a delivery not yet read back. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(nullable = false)
    public String organisation;

    /** The pseudonymous client id (the CloudEvent subject): the ordering key. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The JSON body sent: ids and codes only. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookDeliveryStatus status;

    /** When the delivery fell due (or was re-sent): the dead-letter window counts from here. */
    @Column(name = "due_since", nullable = false)
    public OffsetDateTime dueSince;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
