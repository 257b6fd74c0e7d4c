package fi.yhdyspinta.referral.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.platform.validation.OrganisationOid;

/** A decline always carries a reason and a suggested recipient: no bouncing between counters (pompottelu). */
public record DeclineRequest(@NotNull DeclineReason reason, @NotNull @Size(max = 64) @OrganisationOid String suggestedRecipient) {
}
