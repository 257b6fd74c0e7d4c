package fi.yhdyspinta.notification.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.NotificationChannel;

/**
 * The delivery of one notification on one channel. INBOX is delivered when the item is recorded;
 * EMAIL waits as PENDING for the scheduled sender, which sends outside any transaction and then
 * records the result with its event.
 */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends QueuedSend {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationChannel channel;

    /** The organisational address at the time the item was made (EMAIL). */
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
}
