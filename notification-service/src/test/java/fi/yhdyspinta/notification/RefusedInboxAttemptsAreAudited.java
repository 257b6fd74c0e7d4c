package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.notification.InboxAuditTable.Row;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: another organisation reading or acknowledging an inbox item gets 404 — the item does not exist
 * for it — and the attempt is audited REFUSED with the status and the item's client, although the request's
 * transaction rolled back; the item stays unacknowledged. An id that does not exist names no client: not audited.
 */
@NotificationServiceTest
class RefusedInboxAttemptsAreAudited {

    @Test
    void anotherOrganisationReadingOrAcknowledgingIsARefused404() {
        String clientId = clientIdOf(InboxAuditTable.uniqueHenkilotunnus());
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, clientId,
                healthCentreToSocialServices(referralId, clientId, "SENT", "AWAITING_CONSENT"));
        String id = (String) awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED")
                .get("id");

        for (TestUser other : new TestUser[] { TestUsers.NURSE, TestUsers.NGO_WORKER }) {
            String read = InboxAuditTable.correlation();
            as(other).header("X-Correlation-Id", read).get("/inbox/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            assertThat(InboxAuditTable.of(read)).singleElement().isEqualTo(new Row(other.sub(), other.org(),
                    other == TestUsers.NURSE ? "health-professional" : "ngo-worker", "READ", "INBOX_ITEM", id,
                    clientId, null, null, "REFUSED", 404, read));

            String ack = InboxAuditTable.correlation();
            as(other).header("X-Correlation-Id", ack).post("/inbox/" + id + "/ack").then().statusCode(404);
            assertThat(InboxAuditTable.of(ack)).singleElement().satisfies(row -> {
                assertThat(row.action()).isEqualTo("UPDATE");
                assertThat(row.outcome()).isEqualTo("REFUSED");
                assertThat(row.refusalStatus()).isEqualTo(404);
                assertThat(row.clientId()).isEqualTo(clientId);
            });
        }
        as(TestUsers.SOCIAL_WORKER).get("/inbox/" + id).then().statusCode(200).body("acknowledged", equalTo(false));
    }

    @Test
    void anIdThatDoesNotExistIsNotAudited() {
        String correlation = InboxAuditTable.correlation();
        String id = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).get("/inbox/" + id).then().statusCode(404);
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).post("/inbox/" + id + "/ack").then()
                .statusCode(404);
        assertThat(InboxAuditTable.of(correlation)).isEmpty();
    }
}
