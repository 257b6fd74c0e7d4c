package fi.yhdyspinta.referral.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.ReferralStatus;

/** One step of a referral's history: from, to, when, by whom (organisation, role) and why (a code). */
@Entity
@Table(name = "referral_transition")
public class ReferralTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus toStatus;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime at;

    @Column(name = "actor_organisation")
    public String actorOrganisation;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "reason_code")
    public String reasonCode;

    public static ReferralTransition of(UUID referralId, ReferralStatus from, ReferralStatus to, OffsetDateTime at,
            Actor actor) {
        ReferralTransition t = new ReferralTransition();
        t.referralId = referralId;
        t.fromStatus = from;
        t.toStatus = to;
        t.at = at;
        t.actorOrganisation = actor.organisation();
        t.actorRole = actor.role();
        t.reasonCode = actor.reasonCode();
        return t;
    }
}
