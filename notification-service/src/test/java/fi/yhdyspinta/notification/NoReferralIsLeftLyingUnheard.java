package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.inbox;
import static fi.yhdyspinta.notification.Scenario.item;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.events.payload.SocialPrescriptionChanged;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 9: when a referral does not simply go on, whoever must act hears of it. A forward tells the original
 * sender (not the new recipient, whose referral waits for its own consent); an overdue referral reaches both
 * organisations' inboxes (their unit leads' escalation); an expired one tells the sender, who may re-route; a
 * social prescription's outcome reaches the prescriber, not the NGO.
 */
@NotificationServiceTest
class NoReferralIsLeftLyingUnheard {

    private static final String CLIENT_ID = clientIdOf("131052-9085");

    private static ReferralStatusChanged step(String referralId, String status, String previous, long version) {
        return new ReferralStatusChanged(referralId, null, CLIENT_ID, TestUsers.HEALTH_CENTRE,
                TestUsers.SOCIAL_SERVICES, "MENTAL_HEALTH", status, previous, UUID.randomUUID().toString(), null,
                null, null, version);
    }

    @Test
    void theOriginalSenderHearsOfTheForward() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_FORWARDED, CLIENT_ID, step(referralId, "FORWARDED", "RECEIVED", 3));
        Map<String, Object> item = awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_FORWARDED");
        assertThat(item).containsEntry("referralStatus", "FORWARDED")
                .containsEntry("counterpartOrganisation", TestUsers.SOCIAL_SERVICES);
        assertThat(item(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_FORWARDED")).isEmpty();
        assertThat(inbox(TestUsers.CHILD_WELFARE_WORKER)).noneMatch(i -> referralId.equals(i.get("referralId")));
    }

    @Test
    void overdueReachesBothOrganisationsAndExpiryTheSender() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_OVERDUE, CLIENT_ID, step(referralId, "SENT", "SENT", 2));
        awaitItem(TestUsers.UNIT_LEAD, "referralId", referralId, "REFERRAL_OVERDUE");
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_OVERDUE");

        publish(EventType.REFERRAL_EXPIRED, CLIENT_ID, step(referralId, "EXPIRED", "SENT", 3));
        awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_EXPIRED");
        awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_EXPIRED");

        // a late overdue (older version) tells no one again
        String late = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_EXPIRED, CLIENT_ID, step(late, "EXPIRED", "SENT", 5));
        awaitItem(TestUsers.NURSE, "referralId", late, "REFERRAL_EXPIRED");
        publish(EventType.REFERRAL_OVERDUE, CLIENT_ID, step(late, "SENT", "SENT", 4));
        publish(EventType.REFERRAL_FORWARDED, CLIENT_ID, step(referralId, "FORWARDED", "RECEIVED", 9));
        awaitItem(TestUsers.NURSE, "referralId", referralId, "REFERRAL_FORWARDED");
        assertThat(item(TestUsers.NURSE, "referralId", late, "REFERRAL_OVERDUE")).isEmpty();
    }

    @Test
    void thePrescriberHearsHowTheSocialPrescriptionWent() {
        String id = UUID.randomUUID().toString();
        String service = UUID.randomUUID().toString();
        publish(EventType.SOCIAL_PRESCRIPTION_STARTED, CLIENT_ID, new SocialPrescriptionChanged(id, CLIENT_ID,
                TestUsers.HEALTH_CENTRE, TestUsers.NGO, service, "STARTED", "PRESCRIBED", 4L));
        publish(EventType.SOCIAL_PRESCRIPTION_ATTENDED, CLIENT_ID, new SocialPrescriptionChanged(id, CLIENT_ID,
                TestUsers.HEALTH_CENTRE, TestUsers.NGO, service, "ATTENDED", "STARTED", 5L));
        awaitItem(TestUsers.NURSE, "referralId", id, "SOCIAL_PRESCRIPTION_STARTED");
        Map<String, Object> outcome = awaitItem(TestUsers.NURSE, "referralId", id, "SOCIAL_PRESCRIPTION_ATTENDED");
        assertThat(outcome).containsEntry("outcome", "SERVICE_PROVIDED").containsEntry("purpose", "SOCIAL_PRESCRIBING")
                .containsEntry("counterpartOrganisation", TestUsers.NGO);
        assertThat(inbox(TestUsers.NGO_WORKER)).noneMatch(i -> id.equals(i.get("referralId")));
    }
}
