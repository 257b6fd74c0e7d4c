package fi.yhdyspinta.events.code;

/** Where a notification is delivered. */
public enum NotificationChannel {
    INBOX,
    EMAIL,
    WEBHOOK
}
