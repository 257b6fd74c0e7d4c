package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: a write and its audit record commit together. A transition that fails (illegal in the
 * referral's state, or a bad suggestion) leaves no PERMITTED record; and when the record cannot be written,
 * the transition does not happen either — the referral keeps its status and version.
 */
@ReferralServiceTest
class ATransitionAndItsAuditRecordCommitTogether {

    @Test
    void aFailedTransitionLeavesNoRecord() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());

        String tooEarly = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", tooEarly).post("/referrals/" + n.referralId() + "/cancel")
                .then().statusCode(200);
        String again = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", again).post("/referrals/" + n.referralId() + "/cancel")
                .then().statusCode(409);
        assertThat(AuditTable.of(tooEarly)).singleElement().extracting(AuditTable.Row::action).isEqualTo("UPDATE");
        assertThat(AuditTable.of(again)).isEmpty();

        Need sent = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(sent, BOTH, UUID.randomUUID());
        String badSuggestion = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", badSuggestion)
                .body(Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.CLOSED_CLINIC))
                .post("/referrals/" + sent.referralId() + "/decline").then().statusCode(400);
        assertThat(AuditTable.of(badSuggestion)).isEmpty();
    }

    @Test
    void whenTheRecordCannotBeWrittenTheTransitionDoesNotHappen() throws SQLException {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String version = as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().extract()
                .header("ETag");

        String correlation = AuditTable.correlation();
        try (Connection db = OutboxTable.database(); Statement sql = db.createStatement()) {
            sql.execute("create or replace function refuse_test_audit_record() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'audit trail unavailable (test)'; end $$");
            sql.execute("create trigger refuse_test_audit_record before insert on audit_record for each row when "
                    + "(new.correlation_id = '" + correlation + "') execute function refuse_test_audit_record()");
        }
        try {
            int status = as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", correlation)
                    .post("/referrals/" + n.referralId() + "/accept").then().extract().statusCode();
            assertThat(status).as("the act failed with its record").isGreaterThanOrEqualTo(500);
        } finally {
            try (Connection db = OutboxTable.database(); Statement sql = db.createStatement()) {
                sql.execute("drop trigger refuse_test_audit_record on audit_record");
                sql.execute("drop function refuse_test_audit_record()");
            }
        }

        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).header("ETag", equalTo(version)); // its first read received it
        assertThat(AuditTable.of(correlation)).isEmpty();
        assertThat(OutboxTable.count("select count(*) from outbox_event where event_type = ? and payload like ?",
                "fi.yhdyspinta.referral.accepted.v1", "%" + n.referralId() + "%")).isZero();

        String retry = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", retry).post("/referrals/" + n.referralId() + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        assertThat(AuditTable.of(retry)).singleElement().extracting(AuditTable.Row::outcome).isEqualTo("PERMITTED");
    }
}
