package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.consentDenied;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.notification.InboxAuditTable.Row;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1 (DESIGN §8): every inbox item names a client, so every read of the inbox is audited in its own
 * transaction — a list one LIST record per item it returned, an item READ, an acknowledgement UPDATE (a repeated
 * one, which changes nothing, READ) — with the actor, the item, the pseudonymous client id, the item's purpose and
 * the request's correlation id. Turning events into items is no actor's read and leaves no record.
 */
@NotificationServiceTest
class EveryInboxReadIsAudited {

    @Test
    void readingAndAcknowledgingAnItemAreAudited() {
        String clientId = clientIdOf(InboxAuditTable.uniqueHenkilotunnus());
        String needId = UUID.randomUUID().toString();
        publish(EventType.CONSENT_DENIED, clientId, consentDenied(needId, clientId, "REFUSED"));
        String id = (String) awaitItem(TestUsers.NURSE, "needId", needId, "CONSENT_DENIED").get("id");

        String read = InboxAuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", read).get("/inbox/" + id).then().statusCode(200);
        assertThat(InboxAuditTable.of(read)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "READ", "INBOX_ITEM", id, clientId, "REFERRAL", null,
                "PERMITTED", null, read));

        String ack = InboxAuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", ack).post("/inbox/" + id + "/ack").then().statusCode(200);
        assertThat(InboxAuditTable.of(ack)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "UPDATE", "INBOX_ITEM", id, clientId, "REFERRAL", null,
                "PERMITTED", null, ack));

        String again = InboxAuditTable.correlation();
        as(TestUsers.DOCTOR).header("X-Correlation-Id", again).post("/inbox/" + id + "/ack").then().statusCode(200);
        assertThat(InboxAuditTable.of(again)).singleElement().satisfies(row -> {
            assertThat(row.action()).as("the first acknowledgement stays: a read").isEqualTo("READ");
            assertThat(row.actorSub()).isEqualTo(TestUsers.DOCTOR.sub());
        });
    }

    @Test
    void aListRecordsOneEntryPerItemItReturned() {
        String clientId = clientIdOf(InboxAuditTable.uniqueHenkilotunnus());
        List<String> referrals = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String referralId : referrals) {
            publish(EventType.REFERRAL_SENT, clientId,
                    healthCentreToSocialServices(referralId, clientId, "SENT", "AWAITING_CONSENT"));
            awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED");
        }

        String correlation = InboxAuditTable.correlation();
        var inbox = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", correlation).get("/inbox").then()
                .statusCode(200).extract().jsonPath();
        List<String> listed = inbox.getList("id");
        assertThat(inbox.<String>getList("clientId")).filteredOn(clientId::equals).hasSize(2);

        List<Row> rows = InboxAuditTable.of(correlation);
        assertThat(rows).hasSize(listed.size()).allSatisfy(row -> {
            assertThat(row.action()).isEqualTo("LIST");
            assertThat(row.resourceType()).isEqualTo("INBOX_ITEM");
            assertThat(row.actorOrg()).isEqualTo(TestUsers.SOCIAL_SERVICES);
            assertThat(row.actorRole()).isEqualTo("social-worker");
            assertThat(row.outcome()).isEqualTo("PERMITTED");
        });
        assertThat(rows).extracting(Row::resourceId).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(rows).filteredOn(row -> row.clientId().equals(clientId)).hasSize(2);
    }

    @Test
    void anEmptyListRecordsNothing() {
        String correlation = InboxAuditTable.correlation();
        as(TestUsers.CHILD_WELFARE_WORKER).header("X-Correlation-Id", correlation)
                .queryParam("type", "JOINT_ASSESSMENT_OVERDUE").queryParam("unacknowledged", "true").get("/inbox")
                .then().statusCode(200);
        assertThat(InboxAuditTable.of(correlation)).isEmpty();
    }
}
