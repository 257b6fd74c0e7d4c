package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.awaitEvents;
import static fi.yhdyspinta.consent.Scenario.bootstrap;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventJson;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;

/**
 * Only poison is dead-lettered, at once and not retried: a record that is not JSON, one that breaks its
 * schema, one of a type nobody knows, and one the domain refuses for good (its subject is not the
 * payload's client). Each lands in the topic's dead-letter topic as it came — key, value, headers — with
 * a reason that names what is wrong and quotes nothing, and where it came from.
 */
@ConsentServiceTest
class PoisonGoesToTheDeadLetterTopicWithItsReason {

    private static final String NEEDS = EventType.NEED_IDENTIFIED.topic();
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void eachKindOfPoisonIsDeadLetteredAsItCameWithItsReason() throws Exception {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        String otherClient = clientIdOf(newHetu());

        Map<String, String> reasons = new LinkedHashMap<>(); // value → what its reason must say
        String notJson = "poison-" + UUID.randomUUID();
        reasons.put(notJson, "record value is not JSON");
        NeedIdentified withHenkilotunnus = new NeedIdentified(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), hetu, "MENTAL_HEALTH", "1.2.246.10.2345678.10.1", "HEALTH", "SOCIAL",
                "1.2.246.10.2345678.20.1", "ROUTINE", "REFERRAL", List.of("NEED_SUMMARY"));
        reasons.put(TestEvents.json(TestEvents.event(EventType.NEED_IDENTIFIED, clientId, withHenkilotunnus,
                Scenario.REFERRAL_SERVICE)), "event breaks its schema");
        CloudEvent unknownType = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                Scenario.REFERRAL_SERVICE, "fi.yhdyspinta.need.unheard-of.v1", clientId, OffsetDateTime.now(ZoneOffset.UTC),
                "application/json", UUID.randomUUID().toString(), null,
                EventJson.mapper().valueToTree(needForSocialServices(clientId)));
        reasons.put(TestEvents.json(unknownType), "type");
        // the domain refuses it for good: a need whose event subject is another client than its payload's
        reasons.put(TestEvents.json(TestEvents.event(EventType.NEED_IDENTIFIED, clientId,
                needForSocialServices(otherClient), Scenario.REFERRAL_SERVICE)),
                "need-identified subject is not the payload's clientId");

        double poisonBefore = DeadLetterTopic.counter("yhdyspinta_inbox_events_total",
                Map.of("topic", NEEDS, "outcome", "poison"));
        double handlerRetriesBefore = DeadLetterTopic.counter("yhdyspinta_inbox_retries_total",
                Map.of("topic", NEEDS, "cause", "handler-failed"));
        for (String value : reasons.keySet()) {
            KafkaRecords.send(bootstrap(), NEEDS, clientId, value,
                    Map.of("content-type", CloudEvent.CONTENT_TYPE, "traceparent", TRACEPARENT));
        }

        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.awaitRecords(
                EventType.NEED_IDENTIFIED.deadLetterTopic(),
                records -> reasons.keySet().stream().allMatch(v -> records.stream().anyMatch(r -> v.equals(r.value()))));
        for (Map.Entry<String, String> poison : reasons.entrySet()) {
            List<ConsumerRecord<String, String>> letters = dead.stream().filter(r -> poison.getKey().equals(r.value()))
                    .toList();
            assertThat(letters).as("dead letter of %s", poison.getValue()).hasSize(1);
            ConsumerRecord<String, String> letter = letters.get(0);
            assertThat(letter.key()).isEqualTo(clientId);
            assertThat(DeadLetterTopic.header(letter, "content-type")).isEqualTo(CloudEvent.CONTENT_TYPE);
            assertThat(DeadLetterTopic.header(letter, "traceparent")).isEqualTo(TRACEPARENT);
            assertThat(DeadLetterTopic.header(letter, "dead-letter-reason")).contains(poison.getValue())
                    .doesNotContain(hetu).doesNotContain(hetu.substring(0, 6));
            assertThat(DeadLetterTopic.header(letter, "dead-letter-topic")).isEqualTo(NEEDS);
            assertThat(DeadLetterTopic.header(letter, "dead-letter-partition")).containsOnlyDigits();
            assertThat(DeadLetterTopic.header(letter, "dead-letter-offset")).containsOnlyDigits();
            assertThat(DeadLetterTopic.header(letter, "dead-letter-cause")).as("no cause, whose message might quote data")
                    .isNull();
        }
        assertThat(DeadLetterTopic.counter("yhdyspinta_inbox_events_total", Map.of("topic", NEEDS, "outcome", "poison")))
                .isGreaterThanOrEqualTo(poisonBefore + reasons.size());
        assertThat(DeadLetterTopic.counter("yhdyspinta_inbox_retries_total",
                Map.of("topic", NEEDS, "cause", "handler-failed"))).as("poison is not retried")
                .isEqualTo(handlerRetriesBefore);

        // the client's next need (same key, same partition, behind the poison) is decided as usual
        NeedIdentified next = needForSocialServices(clientId);
        Scenario.publishNeed(next);
        assertThat(awaitEvents(EventType.CONSENT_REQUESTED, forNeed(next.needId()))).hasSize(1);
    }
}
