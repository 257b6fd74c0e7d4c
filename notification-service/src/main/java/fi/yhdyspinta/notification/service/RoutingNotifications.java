package fi.yhdyspinta.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.events.payload.SocialPrescriptionChanged;
import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.repository.AggregateVersions;
import io.smallrye.mutiny.Uni;

/**
 * Referrals that never bounce (issue 9): whoever must act when a referral does not simply go on. The original
 * sender hears that its referral was forwarded (the new recipient hears nothing here: its referral waits for its
 * own consent, and referral-sent tells it once permitted); both organisations hear that an unanswered referral is
 * overdue (an escalation for their unit leads) and that it expired (the sender may re-route it); the prescriber
 * hears how a social prescription went (hyvinvointilähete: started, attended, did not attend, declined). Late or
 * re-driven events (not newer by {@code aggregateVersion}) tell no one.
 */
@ApplicationScoped
public class RoutingNotifications {

    /** Social prescription steps are guarded apart from the referral's own steps (they share its version). */
    static final String SOCIAL_PRESCRIPTION = "social-prescription";

    private static final Logger LOG = Logger.getLogger(RoutingNotifications.class);

    private final Notifier notifier;
    private final AggregateVersions versions;

    public RoutingNotifications(Notifier notifier, AggregateVersions versions) {
        this.notifier = notifier;
        this.versions = versions;
    }

    public Uni<Void> forwarded(CloudEvent event, ReferralStatusChanged r) {
        return referral(event, r, NotificationType.REFERRAL_FORWARDED, List.of(sender(r)));
    }

    public Uni<Void> overdue(CloudEvent event, ReferralStatusChanged r) {
        return referral(event, r, NotificationType.REFERRAL_OVERDUE, List.of(receiver(r), sender(r)));
    }

    public Uni<Void> expired(CloudEvent event, ReferralStatusChanged r) {
        return referral(event, r, NotificationType.REFERRAL_EXPIRED, List.of(sender(r), receiver(r)));
    }

    public Uni<Void> prescriptionStarted(CloudEvent event, SocialPrescriptionChanged p) {
        return prescription(event, p, NotificationType.SOCIAL_PRESCRIPTION_STARTED, null);
    }

    public Uni<Void> prescriptionAttended(CloudEvent event, SocialPrescriptionChanged p) {
        return prescription(event, p, NotificationType.SOCIAL_PRESCRIPTION_ATTENDED, ReferralOutcome.SERVICE_PROVIDED);
    }

    public Uni<Void> prescriptionNotAttended(CloudEvent event, SocialPrescriptionChanged p) {
        return prescription(event, p, NotificationType.SOCIAL_PRESCRIPTION_DID_NOT_ATTEND,
                ReferralOutcome.CLIENT_UNREACHABLE);
    }

    public Uni<Void> prescriptionDeclined(CloudEvent event, SocialPrescriptionChanged p) {
        return prescription(event, p, NotificationType.SOCIAL_PRESCRIPTION_DECLINED, ReferralOutcome.CLIENT_DECLINED);
    }

    private static Recipient sender(ReferralStatusChanged r) {
        return new Recipient(r.senderOrganisation(), r.receiverOrganisation());
    }

    private static Recipient receiver(ReferralStatusChanged r) {
        return new Recipient(r.receiverOrganisation(), r.senderOrganisation());
    }

    private Uni<Void> referral(CloudEvent event, ReferralStatusChanged r, NotificationType type,
            List<Recipient> recipients) {
        return versions.advance(AggregateVersions.REFERRAL, UUID.fromString(r.referralId()), r.aggregateVersion())
                .chain(newer -> {
                    if (!newer) {
                        LOG.infof("%s %s is not newer than what is known of referral %s: no one is told", event.type(),
                                event.id(), r.referralId());
                        return Uni.createFrom().voidItem();
                    }
                    return notifier.notify(event, type, r.clientId(), recipients, item -> {
                        item.referralId = UUID.fromString(r.referralId());
                        item.needId = r.needId() == null ? null : UUID.fromString(r.needId());
                        item.referralStatus = ReferralStatus.valueOf(r.status());
                    });
                });
    }

    private Uni<Void> prescription(CloudEvent event, SocialPrescriptionChanged p, NotificationType type,
            ReferralOutcome outcome) {
        return versions.advance(SOCIAL_PRESCRIPTION, UUID.fromString(p.prescriptionId()), p.aggregateVersion())
                .chain(newer -> {
                    if (!newer) {
                        LOG.infof("%s %s is not newer than what is known of social prescription %s: no one is told",
                                event.type(), event.id(), p.prescriptionId());
                        return Uni.createFrom().voidItem();
                    }
                    return notifier.notify(event, type, p.clientId(),
                            List.of(new Recipient(p.prescriberOrganisation(), p.providerOrganisation())), item -> {
                                item.referralId = UUID.fromString(p.prescriptionId());
                                item.purpose = Purpose.SOCIAL_PRESCRIBING;
                                item.outcome = outcome;
                            });
                });
    }
}
