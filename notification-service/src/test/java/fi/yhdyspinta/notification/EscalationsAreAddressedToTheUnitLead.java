package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * An overdue referral is an escalation for the unit leads (yksikön esihenkilö) of both organisations (issue 9 point
 * 4, issue 10 point 4): its inbox item says {@code audience: unit-lead}, and {@code GET /inbox?audience=unit-lead}
 * lists the escalations only — not the ordinary items of the same organisation.
 */
@NotificationServiceTest
class EscalationsAreAddressedToTheUnitLead {

    private static final String CLIENT_ID = clientIdOf("010190-900P");

    @Test
    void anOverdueReferralIsTheUnitLeadsAndAReceivedOneIsNot() {
        String overdue = UUID.randomUUID().toString();
        String received = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID, step(received, "SENT", "AWAITING_CONSENT", 1));
        publish(EventType.REFERRAL_OVERDUE, CLIENT_ID, step(overdue, "SENT", "SENT", 2));

        Map<String, Object> item = awaitItem(TestUsers.SOCIAL_WORKER, "referralId", overdue, "REFERRAL_OVERDUE");
        assertThat(item).containsEntry("audience", "unit-lead");
        Map<String, Object> ordinary = awaitItem(TestUsers.SOCIAL_WORKER, "referralId", received, "REFERRAL_RECEIVED");
        assertThat(ordinary).doesNotContainKey("audience");

        awaitItem(TestUsers.UNIT_LEAD, "referralId", overdue, "REFERRAL_OVERDUE");
        List<Map<String, Object>> escalations = as(TestUsers.UNIT_LEAD).queryParam("audience", "unit-lead")
                .get("/inbox").then().statusCode(200).body("referralId", hasItem(overdue)).extract().jsonPath()
                .getList("$");
        assertThat(escalations).allMatch(i -> "unit-lead".equals(i.get("audience")));
        assertThat(as(TestUsers.SOCIAL_WORKER).queryParam("audience", "unit-lead").get("/inbox").then().statusCode(200)
                .extract().jsonPath().<String> getList("referralId")).contains(overdue).doesNotContain(received);
    }

    @Test
    void anUnknownAudienceIs400NamingIt() {
        as(TestUsers.UNIT_LEAD).queryParam("audience", "everyone").get("/inbox").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("audience"));
    }

    private static ReferralStatusChanged step(String referralId, String status, String previous, long version) {
        return new ReferralStatusChanged(referralId, null, CLIENT_ID, TestUsers.HEALTH_CENTRE,
                TestUsers.SOCIAL_SERVICES, "MENTAL_HEALTH", status, previous, UUID.randomUUID().toString(), null,
                null, null, version);
    }
}
