package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 points 1–2: after a whole referral scenario — need, permit, reads, a refused read, transitions —
 * {@code GET /audit/verify} (auditor, ops; nobody else) finds the chain intact, and every record of the client
 * travels on the {@code audit} topic keyed by the pseudonymous client id, without the henkilötunnus anywhere
 * on the topic.
 */
@ReferralServiceTest
class TheReferralAuditTrailVerifiesAndCarriesNoHenkilotunnus {

    @Test
    void aScenarioVerifiesAndItsPublishedRecordsNameNoHenkilotunnus() {
        String hetu = UniqueHenkilotunnus.next();
        Need n = needAwaitingConsent(hetu);
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo(hetu));
        as(TestUsers.SOCIAL_WORKER).queryParam("direction", "received").get("/referrals").then().statusCode(200);
        as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then().statusCode(200);

        AuditTable.awaitSealedAndPublished(n.clientId());
        long stored = AuditTable.ofClient(n.clientId()).size();
        assertThat(stored).isGreaterThanOrEqualTo(6);

        as(TestUsers.AUDITOR).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.OPS).get("/audit/verify").then().statusCode(200).body("status", equalTo("OK"));
        as(TestUsers.NURSE).get("/audit/verify").then().statusCode(403);
        as(TestUsers.SOCIAL_WORKER).get("/audit/verify").then().statusCode(403);

        List<ConsumerRecord<String, String>> all = TestEvents.read(EventType.AUDIT_RECORDED,
                read -> read.stream().filter(r -> n.clientId().equals(r.key())).count() >= stored,
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ofClient = all.stream().filter(r -> n.clientId().equals(r.key())).toList();
        assertThat(ofClient).hasSize((int) stored).allSatisfy(record -> {
            JsonNode data = TestEvents.tree(record.value()).path("data");
            assertThat(data.path("service").asText()).isEqualTo("referral-service");
            assertThat(data.path("clientId").asText()).isEqualTo(n.clientId());
        });
        assertThat(ofClient).anySatisfy(record -> assertThat(TestEvents.tree(record.value()).path("data")
                .path("outcome").asText()).isEqualTo("REFUSED"));
        assertThat(all).as("no henkilötunnus on the audit topic").noneSatisfy(
                record -> assertThat(record.value()).contains(hetu));
    }
}
