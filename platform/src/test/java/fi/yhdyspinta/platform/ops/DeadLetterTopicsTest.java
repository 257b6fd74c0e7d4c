package fi.yhdyspinta.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.platform.problem.ProblemException;

/** The service knows the dead-letter topics of what it consumes from its channel configuration. */
class DeadLetterTopicsTest {

    @Test
    void channelsWithTheDeadLetterStrategyNameTheirTopicsAndDeadLetterTopics() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.messaging.incoming.consents.topic", "consents");
        config.put("mp.messaging.incoming.consents.failure-strategy", "dead-letter-queue");
        config.put("mp.messaging.incoming.consents.dead-letter-queue.topic", "consents.dlq");
        config.put("mp.messaging.incoming.organisations.failure-strategy", "dead-letter-queue");
        config.put("mp.messaging.incoming.organisations.dead-letter-queue.topic", "organisations.dlq");
        config.put("mp.messaging.incoming.audit.topic", "audit");
        config.put("mp.messaging.incoming.audit.failure-strategy", "fail");
        config.put("mp.messaging.outgoing.outbox.topic", "outbox-unrouted");

        Map<String, String> topics = DeadLetterTopics.of(config.keySet(),
                name -> Optional.ofNullable(config.get(name)), List.of("needs"));

        assertThat(topics).containsExactly(Map.entry("consents", "consents.dlq"), Map.entry("needs", "needs.dlq"),
                Map.entry("organisations", "organisations.dlq"));
    }

    @Test
    void aTopicTheServiceDoesNotConsumeIsA400NamingTheField() {
        DeadLetterTopics topics = new DeadLetterTopics(Map.of("needs", "needs.dlq"));
        assertThat(topics.deadLetterTopicOf("needs", "topic")).isEqualTo("needs.dlq");
        assertThatThrownBy(() -> topics.deadLetterTopicOf("referrals", "topic"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("topic");
                        assertThat(error.message()).isEqualTo("must be one of [needs]");
                    });
                });
    }
}
