package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fi.yhdyspinta.careplan.domain.AgreedNextStep;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.NeedCategory;

/**
 * A joint assessment as the requester and the invited organisations see it; {@code allowedTransitions} lists what
 * may come next. {@code invitedOrganisation}, {@code participant}, {@code scheduledAt}, {@code acknowledgedAt} and
 * {@code overdueAt} are the first invitation's, as before several could be invited; {@code invitations} has each.
 */
public record JointAssessmentView(UUID id, String clientId, String requestingOrganisation,
        @Schema(description = "Deprecated: the first invited organisation; see invitedOrganisations") String invitedOrganisation,
        @Schema(description = "COMPLETED, else OVERDUE while any invitation is overdue, else REQUESTED while any awaits "
                + "an answer, else ACKNOWLEDGED") JointAssessmentStatus status,
        OffsetDateTime deadline, String participant, OffsetDateTime scheduledAt,
        OffsetDateTime requestedAt, OffsetDateTime acknowledgedAt, OffsetDateTime overdueAt,
        OffsetDateTime completedAt, Set<JointAssessmentStatus> allowedTransitions,
        List<NeedCategory> summaryNeeds, List<AgreedNextStep> nextSteps,
        List<String> invitedOrganisations, List<Invitation> invitations) {

    /** One invited organisation's own answer. */
    public record Invitation(String organisation, JointAssessmentStatus status, String participant,
            OffsetDateTime scheduledAt, OffsetDateTime acknowledgedAt, OffsetDateTime overdueAt) {
    }
}
