package fi.yhdyspinta.careplan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.yhdyspinta.events.code.JointAssessmentStatus;

/**
 * A joint service-need assessment (yhteinen palvelutarpeen arviointi, THL 32.2 §, SHL 41 §): social care asks
 * other organisations — usually health care — to take part. Each invited organisation answers on its own
 * ({@link JointAssessmentInvitation}) and can only acknowledge, never decline; see {@link JointAssessmentLifecycle}.
 * The status is derived from the invitations ({@link JointAssessmentState}).
 */
@Entity
@Table(name = "joint_assessment")
public class JointAssessment {

    @Id
    public UUID id;

    /** The pseudonymous client id; the henkilötunnus is never stored here. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    /**
     * The henkilötunnus, kept only until the completed assessment is written into its archive document, then
     * cleared: the archive is the one consumer that gets it (D33). Never in a view, an event or a log line.
     */
    @Column(name = "client_hetu")
    public String clientHetu;

    @Column(name = "requesting_organisation", nullable = false)
    public String requestingOrganisation;

    /** The first invited organisation (the only one of an assessment made before several could be invited). */
    @Column(name = "invited_organisation", nullable = false)
    public String invitedOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JointAssessmentStatus status;

    /** By when each invited organisation must acknowledge; after it a silent invitation escalates (OVERDUE). */
    @Column(nullable = false)
    public OffsetDateTime deadline;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** The coded summary of a completed assessment: NeedCategory codes, comma-separated (no free text). */
    @Column(name = "summary_needs")
    public String summaryNeeds;

    /** The next steps agreed: AgreedNextStep codes, comma-separated. */
    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public java.util.List<fi.yhdyspinta.events.code.NeedCategory> needs() {
        return codes(summaryNeeds).stream().map(fi.yhdyspinta.events.code.NeedCategory::valueOf).toList();
    }

    public java.util.List<AgreedNextStep> agreedNextSteps() {
        return codes(nextSteps).stream().map(AgreedNextStep::valueOf).toList();
    }

    public void summarise(java.util.List<fi.yhdyspinta.events.code.NeedCategory> needs,
            java.util.List<AgreedNextStep> steps) {
        summaryNeeds = join(needs);
        nextSteps = join(steps);
    }

    private static java.util.List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split(","));
    }

    private static String join(java.util.List<? extends Enum<?>> codes) {
        return codes == null ? "" : codes.stream().distinct().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(","));
    }
}
