package fi.yhdyspinta.notification.domain;

/** Where a delivery on one channel stands. */
public enum DeliveryStatus {
    /** Waiting for the scheduled sender. */
    PENDING,
    DELIVERED,
    /** Given up after the last attempt. */
    FAILED
}
