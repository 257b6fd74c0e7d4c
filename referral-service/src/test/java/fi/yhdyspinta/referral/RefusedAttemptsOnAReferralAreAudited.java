package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.AuditTable.Row;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: a refused attempt on an existing referral or need is audited with outcome REFUSED and the
 * answer's status — 404 when the caller's organisation may not see it (the receiver before a permit, any other
 * organisation), 403 when its part in the referral may not do this (the sender accepting, the receiver
 * cancelling). The record stays although the request's transaction rolled back. An id that does not exist names
 * no client and is not audited.
 */
@ReferralServiceTest
class RefusedAttemptsOnAReferralAreAudited {

    @Test
    void theReceiverReadingBeforeThePermitIsARefused404() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());

        String read = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", read).get("/referrals/" + n.referralId()).then()
                .statusCode(404);
        assertThat(AuditTable.of(read)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", n.referralId(), n.clientId(),
                "REFERRAL", null, "REFUSED", 404, read));

        String need = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", need).get("/needs/" + n.needId()).then()
                .statusCode(404);
        assertThat(AuditTable.of(need)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "NEED", n.needId(), n.clientId(), "REFERRAL",
                null, "REFUSED", 404, need));

        String accept = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", accept).post("/referrals/" + n.referralId() + "/accept")
                .then().statusCode(404);
        assertThat(AuditTable.of(accept)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("UPDATE");
            assertThat(row.outcome()).isEqualTo("REFUSED");
            assertThat(row.refusalStatus()).isEqualTo(404);
        });
    }

    @Test
    void anotherOrganisationIsARefused404EvenWithAPermit() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());

        for (TestUser other : new TestUser[] { TestUsers.HOSPITAL_NURSE, TestUsers.NGO_WORKER }) {
            String read = AuditTable.correlation();
            as(other).header("X-Correlation-Id", read).get("/referrals/" + n.referralId()).then().statusCode(404);
            assertThat(AuditTable.of(read)).singleElement().satisfies(row -> {
                assertThat(row.actorSub()).isEqualTo(other.sub());
                assertThat(row.actorOrg()).isEqualTo(other.org());
                assertThat(row.clientId()).isEqualTo(n.clientId());
                assertThat(row.outcome()).isEqualTo("REFUSED");
                assertThat(row.refusalStatus()).isEqualTo(404);
                assertThat(row.legalBasis()).as("a refusal rests on no basis").isNull();
            });
        }
    }

    @Test
    void theSenderActingAsReceiverAndTheReceiverCancellingAreRefused403() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());

        String accept = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", accept).post("/referrals/" + n.referralId() + "/accept").then()
                .statusCode(403);
        assertThat(AuditTable.of(accept)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "UPDATE", "REFERRAL", n.referralId(), n.clientId(),
                "REFERRAL", null, "REFUSED", 403, accept));

        String decline = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", decline)
                .body(Map.of("reason", "NOT_IN_SCOPE", "suggestedRecipient", TestUsers.CHILD_WELFARE))
                .post("/referrals/" + n.referralId() + "/decline").then().statusCode(403);
        assertThat(AuditTable.of(decline)).singleElement().extracting(Row::refusalStatus).isEqualTo(403);

        String cancel = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", cancel).post("/referrals/" + n.referralId() + "/cancel")
                .then().statusCode(403);
        assertThat(AuditTable.of(cancel)).singleElement().satisfies(row -> {
            assertThat(row.actorOrg()).isEqualTo(TestUsers.SOCIAL_SERVICES);
            assertThat(row.outcome()).isEqualTo("REFUSED");
            assertThat(row.refusalStatus()).isEqualTo(403);
        });
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("status", equalTo("SENT"));
    }

    @Test
    void anIdThatDoesNotExistIsNotAudited() {
        String id = UUID.randomUUID().toString();
        String read = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", read).get("/referrals/" + id).then().statusCode(404);
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", read).get("/needs/" + id).then().statusCode(404);
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", read).post("/referrals/" + id + "/accept").then()
                .statusCode(404);
        assertThat(AuditTable.of(read)).isEmpty();
    }
}
