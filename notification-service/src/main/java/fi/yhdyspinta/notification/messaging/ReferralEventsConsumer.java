package fi.yhdyspinta.notification.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.events.payload.SocialPrescriptionChanged;
import fi.yhdyspinta.notification.service.ReferralNotifications;
import fi.yhdyspinta.notification.service.RoutingNotifications;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Referral steps from referral-service on {@code referrals}, each handled once (idempotent inbox), poison
 * to the DLQ. Steps no one is told of (received, started) are acknowledged unhandled. Forwards, deadlines and
 * social prescriptions: {@link RoutingNotifications}.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final EventRoutes routes;

    public ReferralEventsConsumer(EventRouter router, ReferralNotifications notifications,
            RoutingNotifications routing) {
        this.routes = router.routes(Topic.REFERRALS)
                .on(EventType.REFERRAL_SENT, ReferralStatusChanged.class, notifications::sent)
                .on(EventType.REFERRAL_ACCEPTED, ReferralStatusChanged.class, notifications::accepted)
                .on(EventType.REFERRAL_DECLINED, ReferralStatusChanged.class, notifications::declined)
                .on(EventType.REFERRAL_COMPLETED, ReferralStatusChanged.class, notifications::completed)
                .on(EventType.REFERRAL_CANCELLED, ReferralStatusChanged.class, notifications::cancelled)
                .on(EventType.REFERRAL_SUSPENDED, ReferralStatusChanged.class, notifications::suspended)
                .on(EventType.REFERRAL_FORWARDED, ReferralStatusChanged.class, routing::forwarded)
                .on(EventType.REFERRAL_OVERDUE, ReferralStatusChanged.class, routing::overdue)
                .on(EventType.REFERRAL_EXPIRED, ReferralStatusChanged.class, routing::expired)
                .on(EventType.SOCIAL_PRESCRIPTION_STARTED, SocialPrescriptionChanged.class, routing::prescriptionStarted)
                .on(EventType.SOCIAL_PRESCRIPTION_ATTENDED, SocialPrescriptionChanged.class,
                        routing::prescriptionAttended)
                .on(EventType.SOCIAL_PRESCRIPTION_DID_NOT_ATTEND, SocialPrescriptionChanged.class,
                        routing::prescriptionNotAttended)
                .on(EventType.SOCIAL_PRESCRIPTION_DECLINED, SocialPrescriptionChanged.class,
                        routing::prescriptionDeclined);
    }

    /** The event types this consumer makes inbox items of (and so may be subscribed to as webhooks). */
    public Set<EventType> handled() {
        return routes.handled();
    }

    @Incoming("referrals")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
