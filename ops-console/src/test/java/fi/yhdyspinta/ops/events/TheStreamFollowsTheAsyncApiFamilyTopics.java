package fi.yhdyspinta.ops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.Topic;

/** The console's consumer reads every family topic of the AsyncAPI document, and no dead-letter topic. */
class TheStreamFollowsTheAsyncApiFamilyTopics {

    @Test
    void everyFamilyTopicOfTheDocumentAndNoDeadLetterTopic() {
        assertThat(FamilyTopics.ofDocument())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values()).map(Topic::topic).toList())
                .noneMatch(topic -> topic.endsWith(".dlq"));
    }
}
