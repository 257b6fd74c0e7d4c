package fi.yhdyspinta.notification.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /webhooks}: where to, and which CloudEvents types (those that reach an inbox). */
public record WebhookRequest(
        @Schema(examples = "https://asiointi.example.fi/yhdyspinta/webhook")
        @NotBlank @Size(max = 2000) String url,
        @Schema(examples = "[\"fi.yhdyspinta.referral.accepted.v1\", \"fi.yhdyspinta.referral.declined.v1\"]")
        @NotEmpty @Size(max = 40) List<@NotBlank @Size(max = 200) String> eventTypes) {
}
