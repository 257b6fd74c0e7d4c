package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /joint-assessments}: a social worker invites another organisation to a joint
 * service-need assessment of the client (THL 32.2 §, SHL 41 §). Without a {@code deadline} the
 * invited organisation has the configured default time (14 days) to acknowledge.
 */
public record JointAssessmentRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @NotNull @Size(max = 64) @OrganisationOid String invitedOrganisation,
        @Future OffsetDateTime deadline) {
}
