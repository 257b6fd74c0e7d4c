package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.CONSENT_SERVICE;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grant;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static fi.yhdyspinta.referral.Scenario.revoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * A revoked consent stays revoked (DESIGN §7): a client's grants and revocations travel on one topic
 * with one key, so they are handled in the order consent-service made them; and a permit that is handled
 * after the revocation of its consent anyway (a re-driven dead letter) sends nothing.
 */
@ReferralServiceTest
class RevocationHoldsWhateverTheOrder {

    private static final int PAIRS = 20;

    @Test
    void aGrantAndItsRevocationPublishedBackToBackAlwaysEndSuspended() {
        String hetu = UniqueHenkilotunnus.next();
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            needs.add(needAwaitingConsent(TestUsers.NURSE, hetu, TestUsers.SOCIAL_SERVICES));
        }
        assertThat(needs).extracting(Need::clientId).as("one client: one key").containsOnly(needs.get(0).clientId());

        for (Need n : needs) {
            UUID consentId = UUID.randomUUID();
            TestEvents.publish(EventType.CONSENT_GRANTED, n.clientId(), grant(n, BOTH, consentId), CONSENT_SERVICE);
            revoke(n, consentId);
        }

        for (Need n : needs) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestUsers.NURSE)
                    .get("/referrals/" + n.referralId()).then().statusCode(200)
                    .body("status", equalTo("SUSPENDED")).body("consentStatus", equalTo("REVOKED")));
        }
        // each referral was sent once, then suspended once, and its events carry its growing version
        Need last = needs.get(PAIRS - 1);
        long sent = version(only(EventType.REFERRAL_SENT, last));
        long suspended = version(only(EventType.REFERRAL_SUSPENDED, last));
        assertThat(sent).isPositive();
        assertThat(suspended).isGreaterThan(sent);
    }

    @Test
    void aPermitHandledAfterTheRevocationOfItsConsentSendsNothing() {
        String hetu = UniqueHenkilotunnus.next();
        Need n = needAwaitingConsent(TestUsers.NURSE, hetu, TestUsers.SOCIAL_SERVICES);
        UUID consentId = UUID.randomUUID();
        revoke(n, consentId);
        TestEvents.publish(EventType.CONSENT_GRANTED, n.clientId(), grant(n, BOTH, consentId), CONSENT_SERVICE);
        // a marker on the same key and partition: once it is handled, so are the two before it
        Need marker = needAwaitingConsent(TestUsers.NURSE, hetu, TestUsers.SOCIAL_SERVICES);
        grantAndAwaitSent(marker, BOTH, UUID.randomUUID());

        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("AWAITING_CONSENT"));
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_SENT, n.referralId(), 2)).isEmpty();
    }

    private static ConsumerRecord<String, String> only(EventType type, Need n) {
        List<ConsumerRecord<String, String>> events = ConsentDecisionTest.referralEvents(type, n.referralId(), 2);
        assertThat(events).as(type.type()).hasSize(1);
        return events.get(0);
    }

    private static long version(ConsumerRecord<String, String> record) {
        return TestEvents.tree(record.value()).path("data").path("aggregateVersion").asLong(-1);
    }
}
