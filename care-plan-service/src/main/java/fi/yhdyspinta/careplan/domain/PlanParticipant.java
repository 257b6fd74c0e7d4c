package fi.yhdyspinta.careplan.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An organisation taking part in a plan, and the consent that let it in ({@code consentId}; null for the
 * organisation whose own data the plan is, and for a statutory basis).
 */
@Entity
@Table(name = "care_plan_participant")
@IdClass(PlanParticipant.Key.class)
public class PlanParticipant {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanSharing status;

    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public boolean isActive() {
        return status == PlanSharing.ACTIVE;
    }

    public static class Key implements Serializable {
        public UUID planId;
        public String organisation;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(planId, k.planId) && Objects.equals(organisation, k.organisation);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, organisation);
        }
    }
}
