package fi.yhdyspinta.careplan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralStatus;

/**
 * A referral as the client overview knows it: a projection of referral-service's {@code referral-*}
 * events (referral-service owns referrals; this service never reads its tables). Ids, codes and
 * states only, like the events it is built from.
 */
@Entity
@Table(name = "client_referral")
public class ClientReferral {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "sender_organisation", nullable = false)
    public String senderOrganisation;

    @Column(name = "receiver_organisation", nullable = false)
    public String receiverOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    /** The {@code time} of the event that set this status: an older event arriving late is ignored. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    /**
     * The referral's version (referral-service's {@code @Version}) its newest event announced: an event not
     * newer than this is ignored. Null if no event carried one.
     */
    @Column(name = "aggregate_version")
    public Long aggregateVersion;
}
