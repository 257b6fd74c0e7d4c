package fi.yhdyspinta.careplan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A joint client plan (asiakassuunnitelma, SHL 39 §, 46 §; FHIR CarePlan): its current state. The content of each
 * approved version is a {@link CarePlanVersion}; the organisations taking part are {@link PlanParticipant}s.
 * The one responsible worker (vastuutyöntekijä, SHL 42 §) is a single pair of columns, so there can never be two,
 * and the database refuses none unless the plan was imported from a legacy system.
 */
@Entity
@Table(name = "care_plan")
public class CarePlan {

    @Id
    public UUID id;

    /** The pseudonymous client id; the henkilötunnus is never stored here. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "created_by_organisation", nullable = false)
    public String createdByOrganisation;

    /** The responsible worker's token subject (an account id). */
    @Column(name = "responsible_worker")
    public String responsibleWorker;

    @Column(name = "responsible_organisation")
    public String responsibleOrganisation;

    /** Imported from a legacy system: the only kind of plan that may lack a responsible worker. */
    @Column(nullable = false)
    public boolean imported;

    /** The number of the current content version (1, 2, …). */
    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "review_date")
    public LocalDate reviewDate;

    @Column(name = "joint_assessment_id")
    public UUID jointAssessmentId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Changes with every change of the plan (content, participants, hand-over, revocation): the ETag. */
    @Version
    public long version;

    public boolean hasResponsibleWorker() {
        return responsibleWorker != null;
    }
}
