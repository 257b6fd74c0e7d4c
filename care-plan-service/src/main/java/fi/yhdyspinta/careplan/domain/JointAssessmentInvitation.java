package fi.yhdyspinta.careplan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.JointAssessmentStatus;

/**
 * One invited organisation of a joint assessment (kutsu yhteiseen arviointiin): it answers on its own, with its own
 * participant and time, along {@link JointAssessmentLifecycle}. The assessment's {@code @Version} guards every
 * change of its invitations (a change of an invitation always touches the assessment too).
 */
@Entity
@Table(name = "joint_assessment_invitation")
public class JointAssessmentInvitation {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    /** The order of the request's {@code invitedOrganisations}, from 0. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JointAssessmentStatus status;

    /** Who takes part for this organisation. Free text: stays in this database, never on an event or a log line. */
    public String participant;

    @Column(name = "scheduled_at")
    public OffsetDateTime scheduledAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    public static JointAssessmentInvitation of(UUID assessmentId, int position, String organisation) {
        JointAssessmentInvitation invitation = new JointAssessmentInvitation();
        invitation.id = UUID.randomUUID();
        invitation.assessmentId = assessmentId;
        invitation.position = position;
        invitation.organisation = organisation;
        invitation.status = JointAssessmentStatus.REQUESTED;
        return invitation;
    }
}
