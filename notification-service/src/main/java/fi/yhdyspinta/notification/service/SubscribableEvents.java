package fi.yhdyspinta.notification.service;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.notification.messaging.CarePlanEventsConsumer;
import fi.yhdyspinta.notification.messaging.ConsentEventsConsumer;
import fi.yhdyspinta.notification.messaging.JointAssessmentEventsConsumer;
import fi.yhdyspinta.notification.messaging.ReferralEventsConsumer;

/**
 * The CloudEvents types a webhook may subscribe to: exactly those that make inbox items, since a webhook tells the
 * organisations the inbox tells (an event the inbox ignores has no audience here).
 */
@ApplicationScoped
public class SubscribableEvents {

    private final SortedSet<String> types;

    public SubscribableEvents(ReferralEventsConsumer referrals, ConsentEventsConsumer consents,
            JointAssessmentEventsConsumer assessments, CarePlanEventsConsumer plans) {
        this.types = new TreeSet<>(Stream.of(referrals.handled(), consents.handled(), assessments.handled(),
                plans.handled()).flatMap(Set::stream).map(EventType::type).toList());
    }

    public boolean contains(String type) {
        return types.contains(type);
    }

    public SortedSet<String> all() {
        return types;
    }
}
