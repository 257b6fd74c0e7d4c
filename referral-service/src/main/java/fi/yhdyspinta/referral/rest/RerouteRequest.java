package fi.yhdyspinta.referral.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;

/** {@code POST /referrals/{id}/reroute}: the sender sends an EXPIRED or DECLINED referral on to this organisation. */
public record RerouteRequest(@NotNull @Size(max = 64) @OrganisationOid String targetOrganisation) {
}
