package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.awaitEvent;
import static fi.yhdyspinta.consent.Scenario.awaitEvents;
import static fi.yhdyspinta.consent.Scenario.bootstrap;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;

/** At-least-once delivery made effectively once, and poison records dead-lettered, on the real broker. */
@ConsentServiceTest
class InboxAndDeadLetterTest {

    @Test
    void theSameNeedIdentifiedEventDeliveredTwiceIsDecidedOnce() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        NeedIdentified need = needForSocialServices(clientId);
        CloudEvent event = TestEvents.event(EventType.NEED_IDENTIFIED, clientId, need, Scenario.REFERRAL_SERVICE);
        String value = TestEvents.json(event);

        KafkaRecords.send(bootstrap(), EventType.NEED_IDENTIFIED.topic(), clientId, value);
        KafkaRecords.send(bootstrap(), EventType.NEED_IDENTIFIED.topic(), clientId, value);
        // a later need of the same client (same key, same partition) shows both deliveries were handled
        NeedIdentified marker = needForSocialServices(clientId);
        Scenario.publishNeed(marker);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(marker.needId()), hetu);

        assertThat(awaitEvents(EventType.CONSENT_REQUESTED, forNeed(need.needId()))).hasSize(1);
        List<String> decidedNeeds = Scenario.decisions(hetu).stream().map(d -> (String) d.get("needId")).toList();
        assertThat(decidedNeeds).containsExactlyInAnyOrder(need.needId(), marker.needId());
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopic() {
        String notJson = "poison-" + UUID.randomUUID();
        String clientId = clientIdOf(newHetu());
        NeedIdentified withHetu = new NeedIdentified(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "131052-9085", "MENTAL_HEALTH", "1.2.246.10.2345678.10.1", "HEALTH", "SOCIAL",
                "1.2.246.10.2345678.20.1", "ROUTINE", "REFERRAL", List.of("NEED_SUMMARY"));
        String breaksSchema = TestEvents.json(TestEvents.event(EventType.NEED_IDENTIFIED, clientId, withHetu,
                Scenario.REFERRAL_SERVICE));

        KafkaRecords.send(bootstrap(), EventType.NEED_IDENTIFIED.topic(), clientId, notJson);
        KafkaRecords.send(bootstrap(), EventType.NEED_IDENTIFIED.topic(), clientId, breaksSchema);

        List<ConsumerRecord<String, String>> dead = KafkaRecords.readUntil(bootstrap(),
                List.of(EventType.NEED_IDENTIFIED.deadLetterTopic()),
                records -> records.stream().filter(r -> r.value().equals(notJson) || r.value().equals(breaksSchema))
                        .count() == 2,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::value).contains(notJson, breaksSchema);
        for (ConsumerRecord<String, String> record : dead) {
            if (record.value().equals(notJson) || record.value().equals(breaksSchema)) {
                var reason = record.headers().lastHeader("dead-letter-reason");
                assertThat(reason).as("dead-letter-reason header").isNotNull();
                assertThat(new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8))
                        .isNotBlank().doesNotContain("131052");
            }
        }

        // the consumer carries on after the poison
        String hetu = newHetu();
        NeedIdentified next = needForSocialServices(clientIdOf(hetu));
        Scenario.publishNeed(next);
        awaitEvent(EventType.CONSENT_REQUESTED, forNeed(next.needId()), hetu);
    }
}
