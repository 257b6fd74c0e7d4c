package fi.yhdyspinta.careplan.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One approved version of a plan's content ({@link PlanContent} as JSON): written once, never changed. */
@Entity
@Table(name = "care_plan_version")
@IdClass(CarePlanVersion.Key.class)
public class CarePlanVersion {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    @Column(name = "plan_version")
    public int planVersion;

    /** Goals, actions and the client's plain-language text, as JSON. Free text: never on an event or a log line. */
    @Column(nullable = false)
    public String content;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_by_organisation", nullable = false)
    public String createdByOrganisation;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public UUID planId;
        public int planVersion;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(planId, k.planId) && planVersion == k.planVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, planVersion);
        }
    }
}
