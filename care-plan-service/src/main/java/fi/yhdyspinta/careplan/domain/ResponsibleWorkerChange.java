package fi.yhdyspinta.careplan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.HandOverReason;

/**
 * One hand-over of a plan's responsible worker (vastuutyöntekijän vaihto, SHL 42 §): from, to, when, why. One per
 * plan version, so two hand-overs can never both apply to the same state of the plan.
 */
@Entity
@Table(name = "responsible_worker_change")
public class ResponsibleWorkerChange {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** The plan's version the hand-over was made on. */
    @Column(name = "plan_version", nullable = false)
    public long planVersion;

    @Column(name = "from_worker")
    public String fromWorker;

    @Column(name = "from_organisation")
    public String fromOrganisation;

    @Column(name = "to_worker", nullable = false)
    public String toWorker;

    @Column(name = "to_organisation", nullable = false)
    public String toOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HandOverReason reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
