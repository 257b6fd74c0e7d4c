package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.nurseIdentifiesNeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentGranted;
import fi.yhdyspinta.events.payload.ConsentRequested;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** What the ops engineer on call reads at /q/metrics: the outbox moves, redeliveries are harmless. */
@ReferralServiceTest
class OperationsMetricsTest {

    @Test
    void theOutboxAndTheInboxAreCountedWithoutAnyClientData() {
        double publishedBefore = metric("yhdyspinta_outbox_published_total(\\{[^}]*\\})?");
        var created = nurseIdentifiesNeed("010190-900P").statusCode(201).extract();
        String needId = created.path("id");
        String referralId = created.path("referralId");
        String clientId = as(TestUsers.NURSE).get("/referrals/" + referralId).then().extract().path("clientId");
        await().atMost(Duration.ofSeconds(15)).until(
                () -> metric("yhdyspinta_outbox_published_total(\\{[^}]*\\})?") > publishedBefore);
        // the one instance of this test leads its relay: it just published
        assertThat(metric("yhdyspinta_outbox_leading")).as("yhdyspinta_outbox_leading").isEqualTo(1.0);

        String duplicates = "yhdyspinta_inbox_events_total\\{[^}]*outcome=\"duplicate\"[^}]*topic=\"consents\"[^}]*\\}";
        double duplicatesBefore = metric(duplicates);
        CloudEvent grant = TestEvents.event(EventType.CONSENT_GRANTED, clientId, new ConsentGranted(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), needId, clientId, TestUsers.SOCIAL_SERVICES,
                "REFERRAL", List.of("NEED_SUMMARY"), "CONSENT", LocalDate.now().plusYears(1)),
                "/yhdyspinta/consent-service");
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), clientId, TestEvents.json(grant));
        KafkaRecords.send(bootstrap, EventType.CONSENT_GRANTED.topic(), clientId, TestEvents.json(grant));
        await().atMost(Duration.ofSeconds(15)).until(() -> metric(duplicates) >= duplicatesBefore + 1);

        // consent-requested travels on consents too: for notification-service; here acknowledged and counted
        String ignored = "yhdyspinta_inbox_events_total\\{[^}]*outcome=\"ignored\"[^}]*topic=\"consents\"[^}]*\\}";
        double ignoredBefore = metric(ignored);
        TestEvents.publish(EventType.CONSENT_REQUESTED, clientId, new ConsentRequested(needId, clientId,
                TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES, "REFERRAL"), "/yhdyspinta/consent-service");
        await().atMost(Duration.ofSeconds(15)).until(() -> metric(ignored) >= ignoredBefore + 1);

        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // the henkilötunnus itself, or anything shaped like one (a bare "010190" can be digits of a duration)
        assertThat(exposition).doesNotContain(clientId).doesNotContain("010190-900P")
                .doesNotContainPattern("\\b[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]\\b");
    }

    /** The sum of the samples whose name and labels match. */
    private static double metric(String sample) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (?<value>[0-9.eE+-]+)$").matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group("value"));
        }
        return sum;
    }
}
