package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fi.yhdyspinta.careplan.service.RequestJointAssessment;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;

/**
 * {@code POST /joint-assessments}: a social worker invites other organisations to a joint service-need assessment
 * of the client (THL 32.2 §, SHL 41 §). {@code invitedOrganisations} names 1–10 distinct organisations; the older
 * single {@code invitedOrganisation} is still accepted and means a list of one (not both at once). Without a
 * {@code deadline} the invited organisations have the configured default time (14 days) to acknowledge.
 */
public record JointAssessmentRequest(
        @NotNull @Size(max = 11) @ValidHenkilotunnus String client,
        @Schema(description = "Deprecated: one invited organisation; use invitedOrganisations")
        @Size(max = 64) @OrganisationOid String invitedOrganisation,
        @Schema(description = "The invited organisations (1–10, distinct, none the caller's own), each answering on "
                + "its own") @Size(min = 1, max = 10) List<@NotNull @Size(max = 64) @OrganisationOid String> invitedOrganisations,
        @Future OffsetDateTime deadline) {

    /** The command: each invited organisation with the request field that names it (refusals name the field). */
    public RequestJointAssessment toCommand() {
        if (invitedOrganisation != null && invitedOrganisations != null) {
            throw ProblemException.invalidField("invitedOrganisation", "give invitedOrganisations or the older "
                    + "invitedOrganisation, not both");
        }
        List<RequestJointAssessment.Invited> invited = new ArrayList<>();
        if (invitedOrganisations != null) {
            for (int i = 0; i < invitedOrganisations.size(); i++) {
                invited.add(new RequestJointAssessment.Invited("invitedOrganisations[" + i + "]",
                        invitedOrganisations.get(i)));
            }
        } else if (invitedOrganisation != null) {
            invited.add(new RequestJointAssessment.Invited("invitedOrganisation", invitedOrganisation));
        } else {
            throw ProblemException.invalidField("invitedOrganisations", "must name at least one organisation");
        }
        return new RequestJointAssessment(client, invited, deadline);
    }
}
