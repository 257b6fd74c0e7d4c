package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.awaitSenderSees;
import static fi.yhdyspinta.referral.Scenario.deny;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Closed loop on denial (issue 6 point 4): the sender sees on its referral that consent was denied and
 * why; the referral keeps waiting, so that the client's later consent still sends it.
 */
@ReferralServiceTest
class SenderIsToldOfDenial {

    @Test
    void aDeniedNeedShowsTheReasonAndALaterConsentStillSendsIt() {
        Need n = needAwaitingConsent("150615A901E");
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then()
                .body("consentStatus", equalTo("AWAITING")).body("consentDenialReason", nullValue());

        deny(n, "REFUSED");
        awaitSenderSees(n, "consentStatus", equalTo("DENIED"));
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then()
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("consentDenialReason", equalTo("REFUSED"));
        as(TestUsers.HOSPITAL_NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);

        // the client changes their mind: consent-service re-decides and permits
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then()
                .body("consentStatus", equalTo("GRANTED")).body("consentDenialReason", nullValue());
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo("150615A901E"));
        assertThat(ConsentDecisionTest.referralEvents(EventType.REFERRAL_SENT, n.referralId(), 1)).hasSize(1);
    }

    @Test
    void aDenialOfAWaitingReferralAnnouncesNothingOnTheReferralTopic() {
        Need n = needAwaitingConsent("010190-900P");
        deny(n, "NO_VALID_CONSENT");
        awaitSenderSees(n, "consentDenialReason", equalTo("NO_VALID_CONSENT"));
        assertThat(KafkaRecords.readUntil(TestInfrastructure.get().kafka().bootstrapServers(),
                List.of(Topic.REFERRALS.topic()),
                rs -> rs.stream().anyMatch(r -> r.value().contains(n.referralId())), Duration.ofSeconds(3)))
                .noneMatch(r -> r.value().contains(n.referralId()));
    }
}
