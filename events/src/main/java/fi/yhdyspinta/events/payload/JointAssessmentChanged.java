package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/** A joint service-need assessment invitation (THL 32.2 §, SHL 41 §): health care cannot decline it. */
public record JointAssessmentChanged(
        String assessmentId,
        String clientId,
        String requestingOrganisation,
        String invitedOrganisation,
        String status,
        OffsetDateTime deadline) {
}
