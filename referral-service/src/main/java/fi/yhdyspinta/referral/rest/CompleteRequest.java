package fi.yhdyspinta.referral.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.events.code.ReferralOutcome;

/** Completion with feedback to the sender (closed loop). */
public record CompleteRequest(@NotNull ReferralOutcome outcome, @Size(max = 4000) String feedback) {
}
