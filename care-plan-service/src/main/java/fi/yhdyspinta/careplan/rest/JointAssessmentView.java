package fi.yhdyspinta.careplan.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import fi.yhdyspinta.events.code.JointAssessmentStatus;

/** A joint assessment as the two organisations involved see it; {@code allowedTransitions} lists what may come next. */
public record JointAssessmentView(UUID id, String clientId, String requestingOrganisation, String invitedOrganisation,
        JointAssessmentStatus status, OffsetDateTime deadline, String participant, OffsetDateTime scheduledAt,
        OffsetDateTime requestedAt, OffsetDateTime acknowledgedAt, OffsetDateTime overdueAt,
        OffsetDateTime completedAt, Set<JointAssessmentStatus> allowedTransitions,
        java.util.List<fi.yhdyspinta.events.code.NeedCategory> summaryNeeds,
        java.util.List<fi.yhdyspinta.careplan.domain.AgreedNextStep> nextSteps) {
}
