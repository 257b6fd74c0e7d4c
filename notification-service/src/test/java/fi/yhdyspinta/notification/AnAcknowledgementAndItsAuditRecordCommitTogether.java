package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: an acknowledgement and its audit record commit together — when the record cannot be written,
 * the item is not acknowledged either, and a later acknowledgement is recorded as the change.
 */
@NotificationServiceTest
class AnAcknowledgementAndItsAuditRecordCommitTogether {

    @Test
    void whenTheRecordCannotBeWrittenTheItemStaysUnacknowledged() throws SQLException {
        String clientId = clientIdOf(InboxAuditTable.uniqueHenkilotunnus());
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, clientId,
                healthCentreToSocialServices(referralId, clientId, "SENT", "AWAITING_CONSENT"));
        String id = (String) awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED")
                .get("id");

        String correlation = InboxAuditTable.correlation();
        try (Connection db = InboxAuditTable.database(); Statement sql = db.createStatement()) {
            sql.execute("create or replace function refuse_test_audit_record() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'audit trail unavailable (test)'; end $$");
            sql.execute("create trigger refuse_test_audit_record before insert on audit_record for each row when "
                    + "(new.correlation_id = '" + correlation + "') execute function refuse_test_audit_record()");
        }
        try {
            int status = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", correlation)
                    .post("/inbox/" + id + "/ack").then().extract().statusCode();
            assertThat(status).as("the act failed with its record").isGreaterThanOrEqualTo(500);
        } finally {
            try (Connection db = InboxAuditTable.database(); Statement sql = db.createStatement()) {
                sql.execute("drop trigger refuse_test_audit_record on audit_record");
                sql.execute("drop function refuse_test_audit_record()");
            }
        }
        assertThat(InboxAuditTable.of(correlation)).isEmpty();
        as(TestUsers.SOCIAL_WORKER).get("/inbox/" + id).then().statusCode(200).body("acknowledged", equalTo(false));

        String retry = InboxAuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", retry).post("/inbox/" + id + "/ack").then()
                .statusCode(200).body("acknowledged", equalTo(true));
        assertThat(InboxAuditTable.of(retry)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("UPDATE");
            assertThat(row.outcome()).isEqualTo("PERMITTED");
        });
    }
}
