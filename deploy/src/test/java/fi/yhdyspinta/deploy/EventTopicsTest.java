package fi.yhdyspinta.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;

/** The local stack creates the topics the contract names: one per aggregate family, each with its DLQ. */
class EventTopicsTest {

    @Test
    void oneTopicPerFamilyAndItsDeadLetterTopic() {
        assertThat(EventTopics.names()).containsExactly("needs", "needs.dlq", "consents", "consents.dlq",
                "referrals", "referrals.dlq", "joint-assessments", "joint-assessments.dlq", "care-plans",
                "care-plans.dlq", "notifications",
                "notifications.dlq", "organisations", "organisations.dlq", "audit", "audit.dlq", "audit-anchors",
                "audit-anchors.dlq", "archive", "archive.dlq");
    }

    @Test
    void everyEventTypeTravelsOnACreatedTopic() {
        for (EventType type : EventType.values()) {
            assertThat(EventTopics.names()).as(type.name()).contains(type.topic(), type.deadLetterTopic());
        }
    }
}
