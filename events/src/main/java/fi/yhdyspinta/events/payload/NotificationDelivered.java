package fi.yhdyspinta.events.payload;

/** A notification reached an organisation's channel. */
public record NotificationDelivered(
        String notificationId,
        String clientId,
        String recipientOrganisation,
        String channel,
        String notificationType,
        String sourceEventId) {
}
