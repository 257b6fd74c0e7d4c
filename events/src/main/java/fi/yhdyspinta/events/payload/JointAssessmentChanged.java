package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A joint service-need assessment changed (THL 32.2 §, SHL 41 §): health care cannot decline it.
 * {@code aggregateVersion} is the assessment's version after the change (strictly increasing per
 * assessment): a consumer that keeps its state ignores an event that is not newer than what it holds.
 *
 * <p>Several organisations may be invited at once (decisions D39): {@code invitations} lists each with its own
 * status, {@code changedInvitations} the organisations whose invitation this change is about (all of them for
 * requested, the one that answered for acknowledged, every one escalated in this round for overdue, the contributing
 * ones for completed). {@code invitedOrganisation} is kept for older consumers: the first organisation this change is
 * about (else the first invited). {@code status} is the assessment's status, derived from its invitations.
 */
public record JointAssessmentChanged(
        String assessmentId,
        String clientId,
        String requestingOrganisation,
        String invitedOrganisation,
        String status,
        OffsetDateTime deadline,
        Long aggregateVersion,
        List<String> invitedOrganisations,
        List<Invitation> invitations,
        List<String> changedInvitations) {

    /** A change without a version: consumers fall back to the event time. */
    public JointAssessmentChanged(String assessmentId, String clientId, String requestingOrganisation,
            String invitedOrganisation, String status, OffsetDateTime deadline) {
        this(assessmentId, clientId, requestingOrganisation, invitedOrganisation, status, deadline, null);
    }

    /** An assessment of one invited organisation, as before several could be invited. */
    public JointAssessmentChanged(String assessmentId, String clientId, String requestingOrganisation,
            String invitedOrganisation, String status, OffsetDateTime deadline, Long aggregateVersion) {
        this(assessmentId, clientId, requestingOrganisation, invitedOrganisation, status, deadline, aggregateVersion,
                null, null, null);
    }

    /**
     * The organisations this change is about: {@code changedInvitations}, or, from a producer that does not send
     * it, the one {@code invitedOrganisation}.
     */
    public List<String> concerned() {
        return changedInvitations != null ? changedInvitations : List.of(invitedOrganisation);
    }

    /** One invited organisation and the state of its invitation. */
    public record Invitation(String organisation, String status) {
    }
}
