package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.decisions;
import static fi.yhdyspinta.consent.Scenario.awaitEvents;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.forNeed;
import static fi.yhdyspinta.consent.Scenario.needForSocialServices;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.testsupport.PostgresOutage;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Transient is not poison: needs identified while this service's PostgreSQL is down (kept down for
 * over ten seconds) are held and retried, not dead-lettered — and once the database is back every one
 * of them is decided exactly once. Meanwhile readiness is DOWN and requests are answered 503 with
 * {@code Retry-After}; afterwards readiness is UP again.
 */
@ConsentServiceTest
class ADatabaseOutageDelaysEventsNeverDropsThem {

    private static final String NEEDS = EventType.NEED_IDENTIFIED.topic();

    @Test
    void needsIdentifiedWhileTheDatabaseIsDownAreDecidedOnceWhenItIsBack() throws Exception {
        PostgresOutage postgres = PostgresOutage.ofTestDatabase();
        ConsentDatabase.awaitServing();
        // three clients, two needs each: one client's needs share a key, so they wait in order behind each other
        Map<NeedIdentified, String> needs = new LinkedHashMap<>();
        for (int client = 0; client < 3; client++) {
            String hetu = newHetu();
            needs.put(needForSocialServices(clientIdOf(hetu)), hetu);
            needs.put(needForSocialServices(clientIdOf(hetu)), hetu);
        }
        double retriesBefore = DeadLetterTopic.counter("yhdyspinta_inbox_retries_total",
                Map.of("topic", NEEDS, "cause", "transient"));
        List<CloudEvent> published = new ArrayList<>();

        long stoppedAt = System.nanoTime();
        postgres.stop();
        try {
            needs.keySet().forEach(need -> published.add(Scenario.publishNeed(need)));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
            given().auth().oauth2(TestInfrastructure.tokenFor(TestUsers.NURSE))
                    .get("/organisations/" + TestUsers.HEALTH_CENTRE).then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("5"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(DeadLetterTopic.counter(
                    "yhdyspinta_inbox_retries_total", Map.of("topic", NEEDS, "cause", "transient")))
                    .as("the first need is held and retried").isGreaterThan(retriesBefore));

            long downFor = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            Thread.sleep(Math.max(0, 11_000 - downFor)); // down for ten seconds and more, as in the issue
        } finally {
            postgres.start();
        }
        ConsentDatabase.awaitServing();

        for (Map.Entry<NeedIdentified, String> need : needs.entrySet()) {
            assertThat(awaitEvents(EventType.CONSENT_REQUESTED, forNeed(need.getKey().needId())))
                    .as("consent requested once for need %s", need.getKey().needId()).hasSize(1);
        }
        for (String hetu : new java.util.LinkedHashSet<>(needs.values())) {
            List<String> decided = decisions(hetu).stream().map(entry -> (String) entry.get("needId")).toList();
            List<String> ofClient = needs.entrySet().stream().filter(n -> n.getValue().equals(hetu))
                    .map(n -> n.getKey().needId()).toList();
            assertThat(decided).as("the client's access log: each need decided exactly once")
                    .containsExactlyInAnyOrderElementsOf(ofClient);
        }
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.readAll(EventType.NEED_IDENTIFIED.deadLetterTopic());
        for (CloudEvent event : published) {
            assertThat(dead).as("dead letters").noneMatch(record -> record.value().contains(event.id()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
