package fi.yhdyspinta.careplan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.careplan.service.ReferralProjection;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Referral status events from referral-service for the client overview: each handled once, poison to the DLQ. */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final Inbox inbox;
    private final ReferralProjection projection;

    public ReferralEventsConsumer(Inbox inbox, ReferralProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("referral-sent")
    public Uni<Void> sent(String record) {
        return handle(record, EventType.REFERRAL_SENT);
    }

    @Incoming("referral-accepted")
    public Uni<Void> accepted(String record) {
        return handle(record, EventType.REFERRAL_ACCEPTED);
    }

    @Incoming("referral-declined")
    public Uni<Void> declined(String record) {
        return handle(record, EventType.REFERRAL_DECLINED);
    }

    @Incoming("referral-completed")
    public Uni<Void> completed(String record) {
        return handle(record, EventType.REFERRAL_COMPLETED);
    }

    @Incoming("referral-cancelled")
    public Uni<Void> cancelled(String record) {
        return handle(record, EventType.REFERRAL_CANCELLED);
    }

    @Incoming("referral-suspended")
    public Uni<Void> suspended(String record) {
        return handle(record, EventType.REFERRAL_SUSPENDED);
    }

    private Uni<Void> handle(String record, EventType type) {
        return inbox.handleOnce(record, type, ReferralStatusChanged.class, projection::statusChanged);
    }
}
