package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.SocialPrescriptionStatus;

/**
 * A social prescription (hyvinvointilähete, D27): the NGO side of a referral with purpose SOCIAL_PRESCRIBING
 * to an activity of the service directory. The referral carries consent, disclosure, deadlines and history;
 * this row what happened at the NGO. Changed only together with its referral, whose version guards both.
 */
@Entity
@Table(name = "social_prescription")
public class SocialPrescription {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "service_id", nullable = false)
    public UUID serviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SocialPrescriptionStatus status;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}
