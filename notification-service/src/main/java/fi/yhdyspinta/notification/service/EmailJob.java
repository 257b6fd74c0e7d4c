package fi.yhdyspinta.notification.service;

import java.util.UUID;

import fi.yhdyspinta.notification.domain.NotificationType;

/** A pending e-mail delivery taken by the sender: what the mail needs, and nothing personal. */
record EmailJob(UUID attemptId, UUID notificationId, NotificationType type, String address) {
}
