package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Scenario.acknowledgement;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: a write and its audit record commit together. When the record cannot be written, the
 * acknowledgement does not happen either — the assessment keeps its status and no event leaves; a retry then
 * succeeds with its record.
 */
@CarePlanServiceTest
class AnActAndItsAuditRecordCommitTogether {

    @Test
    void whenTheRecordCannotBeWrittenTheAcknowledgementDoesNotHappen() {
        String id = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract().path("id");

        String correlation = AuditTable.correlation();
        AuditTable.execute("create or replace function refuse_test_audit_record() returns trigger language plpgsql as "
                + "$$ begin raise exception 'audit trail unavailable (test)'; end $$");
        AuditTable.execute("create trigger refuse_test_audit_record before insert on audit_record for each row when "
                + "(new.correlation_id = '" + correlation + "') execute function refuse_test_audit_record()");
        try {
            int status = as(TestUsers.NURSE).header("X-Correlation-Id", correlation)
                    .body(acknowledgement("Sairaanhoitaja Testi", inDays(3)))
                    .post("/joint-assessments/" + id + "/acknowledge").then().extract().statusCode();
            assertThat(status).as("the act failed with its record").isGreaterThanOrEqualTo(500);
        } finally {
            AuditTable.execute("drop trigger refuse_test_audit_record on audit_record");
            AuditTable.execute("drop function refuse_test_audit_record()");
        }

        as(TestUsers.NURSE).get("/joint-assessments/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        assertThat(AuditTable.of(correlation)).isEmpty();
        assertThat(Database.outboxEvents(EventType.JOINT_ASSESSMENT_ACKNOWLEDGED, id)).isZero();

        String retry = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", retry).body(acknowledgement("Sairaanhoitaja Testi", inDays(3)))
                .post("/joint-assessments/" + id + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        assertThat(AuditTable.of(retry)).singleElement().extracting(AuditTable.Row::outcome).isEqualTo("PERMITTED");
    }
}
