package fi.yhdyspinta.notification.domain;

/** Where one webhook delivery stands. */
public enum WebhookDeliveryStatus {
    /** Waiting for the scheduled sender (first try, or a retry after backoff). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Dead-lettered: still failing after the dead-letter window, or its target was refused; can be re-sent. */
    DEAD
}
