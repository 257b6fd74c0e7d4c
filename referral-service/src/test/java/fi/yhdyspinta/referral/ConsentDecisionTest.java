package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.nurseIdentifiesNeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** referral-service plays its part of DESIGN §4 steps 3 and 6, with consent-service played by the test. */
@ReferralServiceTest
class ConsentDecisionTest {

    private static final String CONSENT_SERVICE = "/yhdyspinta/consent-service";

    private record Waiting(String needId, String referralId, String clientId) {
    }

    private Waiting needAwaitingConsent(String hetu) {
        var created = nurseIdentifiesNeed(hetu).statusCode(201).extract();
        String needId = created.path("id");
        String referralId = created.path("referralId");
        String clientId = as(TestUsers.NURSE).get("/referrals/" + referralId).then().extract().path("clientId");
        return new Waiting(needId, referralId, clientId);
    }

    private static ConsentGranted grant(Waiting w, String recipient, UUID consentId) {
        return new ConsentGranted(UUID.randomUUID().toString(), consentId.toString(), w.needId(), w.clientId(),
                recipient, "REFERRAL", List.of("NEED_SUMMARY", "CONTACT_DETAILS"), "CONSENT",
                LocalDate.now().plusYears(1));
    }

    @Test
    void consentGrantedSendsTheWaitingReferralWithTheDecisionId() {
        Waiting w = needAwaitingConsent("010190-900P");
        ConsentGranted grant = grant(w, TestUsers.SOCIAL_SERVICES, UUID.randomUUID());
        TestEvents.publish(EventType.CONSENT_GRANTED, w.clientId(), grant, CONSENT_SERVICE);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.SOCIAL_WORKER)
                .get("/referrals/" + w.referralId()).then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED")) // the receiver's first read (issue 9)
                .body("consentDecisionId", equalTo(grant.decisionId()))
                .body("permittedDataCategories", org.hamcrest.Matchers.containsInAnyOrder("NEED_SUMMARY",
                        "CONTACT_DETAILS")));
        as(TestUsers.NURSE).get("/referrals/" + w.referralId()).then().body("consentStatus", equalTo("GRANTED"));
        assertThat(referralEvents(EventType.REFERRAL_SENT, w.referralId(), 1)).hasSize(1);
    }

    @Test
    void aRedeliveredConsentEventChangesNothing() {
        Waiting w = needAwaitingConsent("150615A901E");
        CloudEvent event = TestEvents.event(EventType.CONSENT_GRANTED, w.clientId(),
                grant(w, TestUsers.SOCIAL_SERVICES, UUID.randomUUID()), CONSENT_SERVICE);
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), w.clientId(), TestEvents.json(event));
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), w.clientId(), TestEvents.json(event));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + w.referralId()).then().body("status", equalTo("SENT")));
        // Wait long enough for a second referral-sent to have appeared, had the duplicate been handled.
        assertThat(referralEvents(EventType.REFERRAL_SENT, w.referralId(), 2)).hasSize(1);
    }

    @Test
    void aConsentForAnotherRecipientLeavesTheReferralWaiting() {
        Waiting w = needAwaitingConsent("131052-9085");
        TestEvents.publish(EventType.CONSENT_GRANTED, w.clientId(), grant(w, TestUsers.NGO, UUID.randomUUID()),
                CONSENT_SERVICE);
        // A marker event after it, on the same key and partition: once it is handled, so is the first.
        Waiting marker = needAwaitingConsent("131052-9085");
        TestEvents.publish(EventType.CONSENT_GRANTED, marker.clientId(),
                grant(marker, TestUsers.SOCIAL_SERVICES, UUID.randomUUID()), CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + marker.referralId()).then().body("status", equalTo("SENT")));

        as(TestUsers.NURSE).get("/referrals/" + w.referralId()).then().body("status", equalTo("AWAITING_CONSENT"));
    }

    @Test
    void revokingTheConsentSuspendsTheOpenReferral() {
        Waiting w = needAwaitingConsent("010190-900P");
        UUID consentId = UUID.randomUUID();
        TestEvents.publish(EventType.CONSENT_GRANTED, w.clientId(), grant(w, TestUsers.SOCIAL_SERVICES, consentId),
                CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + w.referralId()).then().body("status", equalTo("SENT")));

        TestEvents.publish(EventType.CONSENT_REVOKED, w.clientId(), new ConsentRevoked(consentId.toString(),
                w.clientId(), "REFERRAL", java.time.OffsetDateTime.now()), CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + w.referralId()).then().body("status", equalTo("SUSPENDED")));
        assertThat(referralEvents(EventType.REFERRAL_SUSPENDED, w.referralId(), 1)).hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReason() {
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        String marker = UUID.randomUUID().toString();
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), "poison",
                "{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"free\":\"text\"}");
        assertThat(deadLetterReason(marker)).isEqualTo("record has no CloudEvents type");

        // a type nobody knows is poison too, and so is a known type that breaks its schema
        String unknown = UUID.randomUUID().toString();
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), "poison", "{\"specversion\":\"1.0\",\"id\":\""
                + unknown + "\",\"type\":\"fi.yhdyspinta.consent.granted.v9\"}");
        assertThat(deadLetterReason(unknown)).isEqualTo("unknown event type on topic consents");
        String breaksSchema = UUID.randomUUID().toString();
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), "poison", "{\"specversion\":\"1.0\",\"id\":\""
                + breaksSchema + "\",\"type\":\"" + EventType.CONSENT_GRANTED.type() + "\"}");
        assertThat(deadLetterReason(breaksSchema)).contains("schema");

        // The consumer goes on after the poison message.
        Waiting w = needAwaitingConsent("010190-900P");
        TestEvents.publish(EventType.CONSENT_GRANTED, w.clientId(), grant(w, TestUsers.SOCIAL_SERVICES,
                UUID.randomUUID()), CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/referrals/" + w.referralId()).then().body("status", equalTo("SENT")));
    }

    /** The reason of the dead letter on {@code consents.dlq} that mentions the marker. */
    private static String deadLetterReason(String marker) {
        List<ConsumerRecord<String, String>> dead = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of(EventType.CONSENT_GRANTED.deadLetterTopic()),
                rs -> rs.stream().anyMatch(r -> r.value().contains(marker)), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> r.value().contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("poison message was not dead-lettered"));
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    /** The referral's events of one type, read until {@code expected} have come or a few seconds passed. */
    static List<ConsumerRecord<String, String>> referralEvents(EventType type, String referralId, int expected) {
        return TestEvents.read(type,
                rs -> rs.stream().filter(r -> r.value().contains(referralId)).count() >= expected,
                Duration.ofSeconds(expected > 1 ? 4 : 15))
                .stream().filter(r -> r.value().contains(referralId)).toList();
    }
}
