package fi.yhdyspinta.referral.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.referral.domain.ForwardReason;

/** {@code POST /referrals/{id}/forward}: where to (an active organisation of the registry) and why (a code). */
public record ForwardRequest(@NotNull @Size(max = 64) @OrganisationOid String targetOrganisation,
        @NotNull ForwardReason reason) {
}
