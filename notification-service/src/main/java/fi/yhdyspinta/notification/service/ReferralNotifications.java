package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.repository.AggregateVersions;
import io.smallrye.mutiny.Uni;

/**
 * Who hears of a referral step (DESIGN §4 steps 4–6). The sender always hears how its referral
 * ended — accepted, declined with reason and suggestion, completed with outcome: a closed loop, no
 * bouncing between counters (pompottelu). A step older than one already heard of for the referral (by
 * its {@code aggregateVersion}: a late or re-driven event) tells no one.
 */
@ApplicationScoped
public class ReferralNotifications {

    private static final Logger LOG = Logger.getLogger(ReferralNotifications.class);

    private final Notifier notifier;
    private final AggregateVersions versions;

    public ReferralNotifications(Notifier notifier, AggregateVersions versions) {
        this.notifier = notifier;
        this.versions = versions;
    }

    public Uni<Void> sent(CloudEvent event, ReferralStatusChanged referral) {
        return notify(event, referral, NotificationType.REFERRAL_RECEIVED, List.of(receiver(referral)));
    }

    public Uni<Void> accepted(CloudEvent event, ReferralStatusChanged referral) {
        return notify(event, referral, NotificationType.REFERRAL_ACCEPTED, List.of(sender(referral)));
    }

    public Uni<Void> declined(CloudEvent event, ReferralStatusChanged referral) {
        return notify(event, referral, NotificationType.REFERRAL_DECLINED, List.of(sender(referral)));
    }

    public Uni<Void> completed(CloudEvent event, ReferralStatusChanged referral) {
        return notify(event, referral, NotificationType.REFERRAL_COMPLETED, List.of(sender(referral)));
    }

    /**
     * The receiver hears of a cancellation only if it ever saw the referral: one cancelled while still
     * waiting for consent never existed for it (DESIGN §7, consent first).
     */
    public Uni<Void> cancelled(CloudEvent event, ReferralStatusChanged referral) {
        List<Recipient> recipients = ReferralStatus.AWAITING_CONSENT.name().equals(referral.previousStatus())
                ? List.of() : List.of(receiver(referral));
        return notify(event, referral, NotificationType.REFERRAL_CANCELLED, recipients);
    }

    /** A revoked consent stops the referral on both sides. */
    public Uni<Void> suspended(CloudEvent event, ReferralStatusChanged referral) {
        return notify(event, referral, NotificationType.REFERRAL_SUSPENDED,
                List.of(sender(referral), receiver(referral)));
    }

    private static Recipient sender(ReferralStatusChanged r) {
        return new Recipient(r.senderOrganisation(), r.receiverOrganisation());
    }

    private static Recipient receiver(ReferralStatusChanged r) {
        return new Recipient(r.receiverOrganisation(), r.senderOrganisation());
    }

    private Uni<Void> notify(CloudEvent event, ReferralStatusChanged r, NotificationType type,
            List<Recipient> recipients) {
        return versions.advance(AggregateVersions.REFERRAL, UUID.fromString(r.referralId()), r.aggregateVersion())
                .chain(newer -> {
                    if (!newer) {
                        LOG.infof("%s %s is not newer than what is known of referral %s: no one is told", event.type(),
                                event.id(), r.referralId());
                        return Uni.createFrom().voidItem();
                    }
                    return tell(event, r, type, recipients);
                });
    }

    private Uni<Void> tell(CloudEvent event, ReferralStatusChanged r, NotificationType type,
            List<Recipient> recipients) {
        return notifier.notify(event, type, r.clientId(), recipients, item -> {
            item.referralId = UUID.fromString(r.referralId());
            item.needId = r.needId() == null ? null : UUID.fromString(r.needId());
            item.referralStatus = ReferralStatus.valueOf(r.status());
            item.reasonCode = r.reasonCode() == null ? null : DeclineReason.valueOf(r.reasonCode());
            item.suggestedRecipient = r.suggestedRecipient();
            item.outcome = r.outcome() == null ? null : ReferralOutcome.valueOf(r.outcome());
        });
    }
}
