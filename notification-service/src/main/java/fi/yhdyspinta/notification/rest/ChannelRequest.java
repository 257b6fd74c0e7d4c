package fi.yhdyspinta.notification.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.notification.command.SetAlertChannel;

/**
 * {@code PUT /organisations/{oid}/channels}: the organisation's mailbox for new-item alerts (an
 * organisational address such as kirjaamo@…), and whether to use it. Enabling needs an address.
 */
public record ChannelRequest(
        @Email(message = "must be an e-mail address") @Size(max = 254) String email,
        @NotNull Boolean emailEnabled) {

    public SetAlertChannel command() {
        return new SetAlertChannel(email, emailEnabled);
    }
}
