package fi.yhdyspinta.careplan.domain;

import static fi.yhdyspinta.events.code.JointAssessmentStatus.ACKNOWLEDGED;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.COMPLETED;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.OVERDUE;
import static fi.yhdyspinta.events.code.JointAssessmentStatus.REQUESTED;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import fi.yhdyspinta.events.code.JointAssessmentStatus;

/**
 * A joint assessment with its invitations, and the rules that span them (decisions D39): the assessment's
 * status is derived — COMPLETED once completed, else OVERDUE while any invitation is overdue, else REQUESTED while
 * any awaits an answer, else ACKNOWLEDGED — so an assessment of one invitation behaves as before. The requester may
 * complete once no invitation awaits an answer within its deadline and at least one organisation acknowledged; the
 * acknowledged ones are the contributing organisations.
 */
public record JointAssessmentState(JointAssessment assessment, List<JointAssessmentInvitation> invitations) {

    public JointAssessmentState {
        invitations = invitations.stream().sorted(Comparator.comparingInt(i -> i.position)).toList();
    }

    public static JointAssessmentStatus statusOf(boolean completed, List<JointAssessmentInvitation> invitations) {
        if (completed) {
            return COMPLETED;
        }
        if (invitations.stream().anyMatch(i -> i.status == OVERDUE)) {
            return OVERDUE;
        }
        if (invitations.stream().anyMatch(i -> i.status == REQUESTED)) {
            return REQUESTED;
        }
        return ACKNOWLEDGED;
    }

    public Optional<JointAssessmentInvitation> invitationOf(String organisation) {
        return invitations.stream().filter(i -> i.organisation.equals(organisation)).findFirst();
    }

    public boolean involves(String organisation) {
        return assessment.requestingOrganisation.equals(organisation) || invitationOf(organisation).isPresent();
    }

    public List<String> invitedOrganisations() {
        return invitations.stream().map(i -> i.organisation).toList();
    }

    /** The organisations that took part: acknowledged, and completed with the assessment. */
    public List<String> contributingOrganisations() {
        return invitations.stream().filter(i -> i.status == ACKNOWLEDGED || i.status == COMPLETED)
                .map(i -> i.organisation).toList();
    }

    /** No invitation awaits an answer within its deadline, and at least one organisation acknowledged. */
    public boolean completable() {
        return assessment.status != COMPLETED
                && invitations.stream().noneMatch(i -> i.status == REQUESTED)
                && invitations.stream().anyMatch(i -> i.status == ACKNOWLEDGED);
    }

    /** What may come next for the assessment as a whole: its invitations' next states, COMPLETED when completable. */
    public Set<JointAssessmentStatus> allowedTransitions() {
        if (assessment.status == COMPLETED) {
            return Set.of();
        }
        Set<JointAssessmentStatus> next = EnumSet.noneOf(JointAssessmentStatus.class);
        invitations.forEach(i -> next.addAll(JointAssessmentLifecycle.allowedAfter(i.status)));
        next.remove(COMPLETED);
        if (completable()) {
            next.add(COMPLETED);
        }
        return Set.copyOf(next);
    }

    /** The earliest time an organisation agreed on, if any acknowledged. */
    public OffsetDateTime firstScheduledAt() {
        return invitations.stream().map(i -> i.scheduledAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    public JointAssessmentInvitation first() {
        return invitations.get(0);
    }
}
