package fi.yhdyspinta.notification.command;

/** An organisation sets where its alerts go besides its inbox: an e-mail address, and whether e-mail is on. */
public record SetAlertChannel(String email, boolean emailEnabled) {
}
