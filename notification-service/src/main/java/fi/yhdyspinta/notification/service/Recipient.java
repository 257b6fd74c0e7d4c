package fi.yhdyspinta.notification.service;

/** Who gets an inbox item, and the other party of the matter it is about. */
public record Recipient(String organisation, String counterpart) {
}
