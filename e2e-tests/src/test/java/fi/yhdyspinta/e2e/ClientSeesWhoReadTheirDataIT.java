package fi.yhdyspinta.e2e;

import static fi.yhdyspinta.e2e.Calls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.path.json.JsonPath;

/**
 * Issue 7 across the four running services: the receiving social worker's read of a permitted referral appears in
 * the client's access log (consent-service) within seconds — the social services by name, the role, READ REFERRAL,
 * for REFERRAL on CONSENT, no person named — and the NGO's attempt as REFUSED 404; every service's chain verifies;
 * the {@code audit} topic carries no henkilötunnus.
 */
@ExtendWith(SuiteExtension.class)
class ClientSeesWhoReadTheirDataIT {

    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    @Test
    void theSocialWorkersReadAndTheNgosRefusedAttemptAppearInTheClientsAccessLog() {
        String hetu = Fixtures.newHetu();
        TestUser client = Fixtures.clientOf(new Fixtures.Fixture(null, hetu));
        as(TestUsers.NURSE, suite.consent).body(Fixtures.consentBody(hetu, TestUsers.SOCIAL_SERVICES))
                .post("/consents").then().statusCode(201);
        String referralId = as(TestUsers.NURSE, suite.referral).body(Fixtures.needBody(hetu)).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo("SENT")));

        as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals/" + referralId).then().statusCode(200);
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + referralId).then().statusCode(404);

        Map<String, Object> read = awaitEntry(client, hetu, e -> referralId.equals(e.get("resourceId"))
                && "READ".equals(e.get("action")) && whoOf(e).get("organisation") != null
                && TestUsers.SOCIAL_SERVICES.equals(whoOf(e).get("organisation")));
        assertThat(read).containsEntry("service", "referral-service").containsEntry("resourceType", "REFERRAL")
                .containsEntry("purpose", "REFERRAL").containsEntry("legalBasis", "CONSENT")
                .containsEntry("statutory", false).containsEntry("outcome", "PERMITTED");
        assertThat(whoOf(read)).containsEntry("organisationName", "Kittilän sosiaalipalvelut")
                .containsEntry("role", "social-worker");

        Map<String, Object> refused = awaitEntry(client, hetu, e -> referralId.equals(e.get("resourceId"))
                && TestUsers.NGO.equals(whoOf(e).get("organisation")));
        assertThat(refused).containsEntry("action", "READ").containsEntry("outcome", "REFUSED")
                .containsEntry("refusalStatus", 404);
        assertThat(whoOf(refused)).containsEntry("organisationName", "Lapin Mielenterveysyhdistys ry")
                .containsEntry("role", "ngo-worker");

        for (ServiceProcess service : suite.all()) {
            as(TestUsers.AUDITOR, service).get("/audit/verify").then().statusCode(200)
                    .body("status", equalTo("OK"));
        }

        String clientId = new Fixtures.Fixture(null, hetu).clientId(Suite.COUNTY_KEY);
        List<ConsumerRecord<String, String>> audit = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of(EventType.AUDIT_RECORDED.topic()),
                records -> records.stream().anyMatch(r -> r.value().contains(referralId)), Duration.ofSeconds(30));
        assertThat(audit).filteredOn(r -> clientId.equals(r.key())).isNotEmpty();
        assertThat(audit).allSatisfy(r -> assertThat(r.value()).doesNotContain(hetu)
                .doesNotContain(hetu.substring(0, 7)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> whoOf(Map<String, Object> entry) {
        Object who = entry.get("who");
        return who instanceof Map ? (Map<String, Object>) who : Map.of();
    }

    /** The client's access log entry that matches, within seconds of the act; no person's account id in the log. */
    private static Map<String, Object> awaitEntry(TestUser client, String hetu, Predicate<Map<String, Object>> match) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String body = as(client, suite.consent).queryParam("limit", 200).get("/me/access-log").then()
                    .statusCode(200).extract().asString();
            assertThat(body).doesNotContain(hetu).doesNotContain(TestUsers.SOCIAL_WORKER.sub())
                    .doesNotContain("actorSub");
            List<Map<String, Object>> entries = JsonPath.from(body).getList("entries");
            entries.stream().filter(match).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
