package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** The client overview, built from referral-service's events: each organisation sees what it is party to. */
@CarePlanServiceTest
class ClientOverviewTest {

    private static final String REFERRAL_SERVICE = "/yhdyspinta/referral-service";

    @Test
    void sentThenCompletedReferralShowsCompletedToItsPartiesAndNothingToOthers() {
        String clientId = newClientId();
        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SENT, clientId, referral(referralId, clientId, "SENT", "AWAITING_CONSENT"),
                REFERRAL_SERVICE);
        TestEvents.publish(EventType.REFERRAL_COMPLETED, clientId, referral(referralId, clientId, "COMPLETED", "ACCEPTED"),
                REFERRAL_SERVICE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("clientId", equalTo(clientId))
                .body("referrals", hasSize(1))
                .body("referrals[0].referralId", equalTo(referralId))
                .body("referrals[0].status", equalTo("COMPLETED"))
                .body("referrals[0].senderOrganisation", equalTo(TestUsers.HEALTH_CENTRE)));
        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("referrals[0].status", equalTo("COMPLETED"));
        as(TestUsers.NGO_WORKER).get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("referrals", empty())
                .body("jointAssessments", empty());
    }

    @Test
    void jointAssessmentsAppearToTheTwoOrganisationsInvolvedOnly() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");
        String clientId = as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then().extract().path("clientId");

        as(TestUsers.SOCIAL_WORKER).get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("jointAssessments.id", hasItem(id))
                .body("jointAssessments[0].status", equalTo("REQUESTED"))
                .body("jointAssessments[0].invitedOrganisation", equalTo(TestUsers.HEALTH_CENTRE));
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("jointAssessments.id", hasItem(id));
        as(TestUsers.NGO_WORKER).get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("jointAssessments", empty());
    }

    @Test
    void theSameEventDeliveredTwiceIsHarmless() {
        String clientId = newClientId();
        String referralId = UUID.randomUUID().toString();
        CloudEvent sent = TestEvents.publish(EventType.REFERRAL_SENT, clientId,
                referral(referralId, clientId, "SENT", "AWAITING_CONSENT"), REFERRAL_SERVICE);
        awaitReferral(clientId, referralId, "SENT");

        // redelivery (at-least-once), then a later event on the same partition as a marker that it was handled
        KafkaRecords.send(bootstrap(), EventType.REFERRAL_SENT.topic(), clientId, TestEvents.json(sent));
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SENT, clientId, referral(marker, clientId, "SENT", "AWAITING_CONSENT"),
                REFERRAL_SERVICE);
        awaitReferral(clientId, marker, "SENT");

        assertThat(Database.processed(sent.id())).isEqualTo(1);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("referrals", hasSize(2))
                .body("referrals.findAll { it.referralId == '" + referralId + "' }", hasSize(1))
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo("SENT"));
    }

    @Test
    void anOlderStatusArrivingLateDoesNotOverwriteANewerOne() {
        String clientId = newClientId();
        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_ACCEPTED, clientId, referral(referralId, clientId, "ACCEPTED", "SENT"),
                REFERRAL_SERVICE);
        awaitReferral(clientId, referralId, "ACCEPTED");

        CloudEvent late = TestEvents.event(EventType.REFERRAL_SENT, clientId,
                referral(referralId, clientId, "SENT", "AWAITING_CONSENT"), REFERRAL_SERVICE);
        CloudEvent older = CloudEvent.of(late.id(), late.source(), EventType.REFERRAL_SENT, clientId,
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), late.correlationid(), null, late.data());
        KafkaRecords.send(bootstrap(), EventType.REFERRAL_SENT.topic(), clientId, TestEvents.json(older));
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SENT, clientId, referral(marker, clientId, "SENT", "AWAITING_CONSENT"),
                REFERRAL_SERVICE);
        awaitReferral(clientId, marker, "SENT");

        assertThat(Database.processed(older.id())).isEqualTo(1);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo("ACCEPTED"));
    }

    @Test
    void anOlderVersionDeliveredAfterANewerOneChangesNothingWhateverItsTime() {
        String clientId = newClientId();
        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_ACCEPTED, clientId,
                referral(referralId, clientId, "ACCEPTED", "SENT").withVersion(3), REFERRAL_SERVICE);
        awaitReferral(clientId, referralId, "ACCEPTED");

        // referral-sent of version 2, re-driven from the dead-letter topic: a later time, an older state
        CloudEvent redriven = TestEvents.event(EventType.REFERRAL_SENT, clientId,
                referral(referralId, clientId, "SENT", "AWAITING_CONSENT").withVersion(2), REFERRAL_SERVICE);
        CloudEvent later = CloudEvent.of(redriven.id(), redriven.source(), EventType.REFERRAL_SENT, clientId,
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10), redriven.correlationid(), null, redriven.data());
        KafkaRecords.send(bootstrap(), EventType.REFERRAL_SENT.topic(), clientId, TestEvents.json(later));
        // the same version again (another event id) is not newer either
        TestEvents.publish(EventType.REFERRAL_DECLINED, clientId,
                referral(referralId, clientId, "DECLINED", "SENT").withVersion(3), REFERRAL_SERVICE);
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SENT, clientId, referral(marker, clientId, "SENT", "AWAITING_CONSENT"),
                REFERRAL_SERVICE);
        awaitReferral(clientId, marker, "SENT");

        assertThat(Database.processed(later.id())).isEqualTo(1);
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo("ACCEPTED"));

        // a newer version applies even if its time is earlier (the version decides, not the clocks)
        CloudEvent completed = TestEvents.event(EventType.REFERRAL_COMPLETED, clientId,
                referral(referralId, clientId, "COMPLETED", "ACCEPTED").withVersion(4), REFERRAL_SERVICE);
        KafkaRecords.send(bootstrap(), EventType.REFERRAL_COMPLETED.topic(), clientId, TestEvents.json(
                CloudEvent.of(completed.id(), completed.source(), EventType.REFERRAL_COMPLETED, clientId,
                        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), completed.correlationid(), null,
                        completed.data())));
        awaitReferral(clientId, referralId, "COMPLETED");
    }

    @Test
    void aTypeTheOverviewDoesNotShowIsAcknowledgedAndChangesNothing() {
        String clientId = newClientId();
        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_ACCEPTED, clientId,
                referral(referralId, clientId, "ACCEPTED", "SENT").withVersion(3), REFERRAL_SERVICE);
        awaitReferral(clientId, referralId, "ACCEPTED");
        CloudEvent started = TestEvents.publish(EventType.REFERRAL_STARTED, clientId,
                referral(referralId, clientId, "IN_PROGRESS", "ACCEPTED").withVersion(4), REFERRAL_SERVICE);
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SENT, clientId, referral(marker, clientId, "SENT", "AWAITING_CONSENT"),
                REFERRAL_SERVICE);
        awaitReferral(clientId, marker, "SENT");

        assertThat(Database.processed(started.id())).as("not handled, so not in the inbox").isZero();
        as(TestUsers.NURSE).get("/clients/" + clientId + "/overview").then()
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo("ACCEPTED"));
        assertThat(KafkaRecords.readUntil(bootstrap(), List.of(EventType.REFERRAL_STARTED.deadLetterTopic()),
                rs -> false, Duration.ofSeconds(2))).noneMatch(r -> r.value().contains(started.id()));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String clientId = newClientId();
        String poison = "{\"specversion\":\"1.0\",\"poison\":\"" + UUID.randomUUID() + "\"}";
        KafkaRecords.send(bootstrap(), EventType.REFERRAL_COMPLETED.topic(), clientId, poison);

        List<ConsumerRecord<String, String>> dead = KafkaRecords.readUntil(bootstrap(),
                List.of(EventType.REFERRAL_COMPLETED.deadLetterTopic()),
                rs -> rs.stream().anyMatch(r -> poison.equals(r.value())), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> poison.equals(r.value())).findFirst()
                .orElseThrow(() -> new AssertionError("the poison record is not on the dead-letter topic"));
        assertThat(record.key()).isEqualTo(clientId);
        assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("record has no CloudEvents type");

        String referralId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_COMPLETED, clientId,
                referral(referralId, clientId, "COMPLETED", "IN_PROGRESS"), REFERRAL_SERVICE);
        awaitReferral(clientId, referralId, "COMPLETED");
    }

    @Test
    void clientIdMustBeAPseudonymousId() {
        as(TestUsers.NURSE).get("/clients/010190-900P/overview").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("clientId"));
        as(TestUsers.NURSE).get("/clients/" + newClientId().toUpperCase() + "/overview").then()
                .statusCode(400)
                .body("errors.field", hasItem("clientId"));
    }

    @Test
    void onlyProfessionalsWithATokenReadTheOverview() {
        given().get("/clients/" + newClientId() + "/overview").then().statusCode(401);
        as(TestUsers.OPS).get("/clients/" + newClientId() + "/overview").then()
                .statusCode(403).contentType("application/problem+json");
        as(TestUsers.CLIENT).get("/clients/" + newClientId() + "/overview").then().statusCode(403);
    }

    private static void awaitReferral(String clientId, String referralId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.NURSE)
                .get("/clients/" + clientId + "/overview").then()
                .statusCode(200)
                .body("referrals.find { it.referralId == '" + referralId + "' }.status", equalTo(status)));
    }

    private static ReferralStatusChanged referral(String referralId, String clientId, String status, String previous) {
        return new ReferralStatusChanged(referralId, null, clientId, TestUsers.HEALTH_CENTRE,
                TestUsers.SOCIAL_SERVICES, "MENTAL_HEALTH", status, previous, UUID.randomUUID().toString(),
                "COMPLETED".equals(status) ? "SERVICE_PROVIDED" : null, null, null);
    }

    private static String newClientId() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String bootstrap() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }

}
