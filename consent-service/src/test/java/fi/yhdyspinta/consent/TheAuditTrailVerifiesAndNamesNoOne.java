package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * After a scenario the service's audit chain verifies, its records travel on {@code audit} without the
 * henkilötunnus, and ops see the access log consumer's lag — a number, no personal data.
 */
@ConsentServiceTest
class TheAuditTrailVerifiesAndNamesNoOne {

    @Test
    void afterAScenarioTheChainVerifiesAndTheTopicCarriesNoHenkilotunnus() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        as(client(hetu)).get("/me/consents").then().statusCode(200);
        as(client(hetu)).post("/consents/" + consentId + "/revoke").then().statusCode(200);
        Scenario.awaitAccessLogEntry(hetu, e -> consentId.equals(e.get("resourceId")) && "REVOKE".equals(e.get("action")));

        as(TestUsers.AUDITOR).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.OPS).get("/audit/verify").then().statusCode(200);
        as(TestUsers.NURSE).get("/audit/verify").then().statusCode(403);
        as(client(hetu)).get("/audit/verify").then().statusCode(403);

        List<ConsumerRecord<String, String>> records = TestEvents.read(EventType.AUDIT_RECORDED,
                read -> read.stream().filter(r -> r.value().contains(consentId)).count() >= 3, Duration.ofSeconds(30));
        assertThat(records).filteredOn(r -> r.value().contains(consentId)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu)
                .doesNotContain(hetu.substring(0, 6) + hetu.charAt(6)));
    }

    @Test
    void opsSeeTheLagOfTheAccessLogConsumer() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
                    assertThat(metrics.lines().filter(line -> line.startsWith("audit_consumer_lag{")))
                            .singleElement().satisfies(line -> {
                                assertThat(line).contains("topic=\"audit\"");
                                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                                        .isGreaterThanOrEqualTo(0);
                            });
                });
    }
}
