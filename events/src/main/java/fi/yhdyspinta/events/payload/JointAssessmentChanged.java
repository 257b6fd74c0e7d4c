package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * A joint service-need assessment invitation (THL 32.2 §, SHL 41 §): health care cannot decline it.
 * {@code aggregateVersion} is the assessment's version after the change (strictly increasing per
 * assessment): a consumer that keeps its state ignores an event that is not newer than what it holds.
 */
public record JointAssessmentChanged(
        String assessmentId,
        String clientId,
        String requestingOrganisation,
        String invitedOrganisation,
        String status,
        OffsetDateTime deadline,
        Long aggregateVersion) {

    /** A change without a version: consumers fall back to the event time. */
    public JointAssessmentChanged(String assessmentId, String clientId, String requestingOrganisation,
            String invitedOrganisation, String status, OffsetDateTime deadline) {
        this(assessmentId, clientId, requestingOrganisation, invitedOrganisation, status, deadline, null);
    }
}
