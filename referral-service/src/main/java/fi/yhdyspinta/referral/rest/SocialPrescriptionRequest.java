package fi.yhdyspinta.referral.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.referral.command.PrescribeSocialService;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /social-prescriptions}: a professional prescribes an NGO activity of the service directory
 * ({@code serviceId}) for a client, for a need category the activity serves (the need summary);
 * {@code urgency} defaults to ROUTINE. Nothing else about the client: the NGO gets the need summary and contact only.
 */
public record SocialPrescriptionRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull UUID serviceId,
        @NotNull NeedCategory needCategory,
        Urgency urgency) {

    public Urgency urgencyOrDefault() {
        return urgency == null ? Urgency.ROUTINE : urgency;
    }

    public PrescribeSocialService command() {
        return new PrescribeSocialService(client, serviceId, needCategory, urgencyOrDefault());
    }
}
