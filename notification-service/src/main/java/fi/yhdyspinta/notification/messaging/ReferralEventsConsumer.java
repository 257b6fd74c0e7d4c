package fi.yhdyspinta.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.notification.service.ReferralNotifications;
import fi.yhdyspinta.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Referral steps from referral-service, each handled once (idempotent inbox), poison to the DLQ. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final Inbox inbox;
    private final ReferralNotifications notifications;

    public ReferralEventsConsumer(Inbox inbox, ReferralNotifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("referral-sent")
    public Uni<Void> sent(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_SENT, ReferralStatusChanged.class, notifications::sent);
    }

    @Incoming("referral-accepted")
    public Uni<Void> accepted(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_ACCEPTED, ReferralStatusChanged.class,
                notifications::accepted);
    }

    @Incoming("referral-declined")
    public Uni<Void> declined(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_DECLINED, ReferralStatusChanged.class,
                notifications::declined);
    }

    @Incoming("referral-completed")
    public Uni<Void> completed(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_COMPLETED, ReferralStatusChanged.class,
                notifications::completed);
    }

    @Incoming("referral-cancelled")
    public Uni<Void> cancelled(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_CANCELLED, ReferralStatusChanged.class,
                notifications::cancelled);
    }

    @Incoming("referral-suspended")
    public Uni<Void> suspended(String record) {
        return inbox.handleOnce(record, EventType.REFERRAL_SUSPENDED, ReferralStatusChanged.class,
                notifications::suspended);
    }
}
