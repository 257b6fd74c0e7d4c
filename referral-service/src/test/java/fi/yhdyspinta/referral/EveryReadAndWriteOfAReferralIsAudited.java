package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.AuditTable.Row;
import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.response.Response;

/**
 * Issue 7 point 1 (DESIGN §8): every REST read and write of a need or a referral leaves a PERMITTED audit record in
 * its own transaction — who (sub, organisation, main role), what (action, resource, id), whose (pseudonymous client
 * id), why and on what basis (the referral's purpose; CONSENT or the statutory basis once a decision permitted it),
 * and the request's correlation id. A list records one entry per referral it returned; a long poll one READ per
 * answer, a 304 too.
 */
@ReferralServiceTest
class EveryReadAndWriteOfAReferralIsAudited {

    @Test
    void identifyingANeedRecordsTheCreationOfTheNeedAndItsReferral() {
        String correlation = AuditTable.correlation();
        var created = as(TestUsers.NURSE).header("X-Correlation-Id", correlation)
                .body(Scenario.need(UniqueHenkilotunnus.next(), TestUsers.SOCIAL_SERVICES)).post("/needs")
                .then().statusCode(201).extract();
        String needId = created.path("id");
        String referralId = created.path("referralId");

        List<Row> rows = AuditTable.of(correlation);
        assertThat(rows).extracting(Row::action, Row::resourceType, Row::resourceId).containsExactly(
                tuple("CREATE", "NEED", needId),
                tuple("CREATE", "REFERRAL", referralId));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actorSub()).isEqualTo(TestUsers.NURSE.sub());
            assertThat(row.actorOrg()).isEqualTo(TestUsers.HEALTH_CENTRE);
            assertThat(row.actorRole()).isEqualTo("health-professional");
            assertThat(row.purpose()).isEqualTo("REFERRAL");
            assertThat(row.legalBasis()).as("no decision yet").isNull();
            assertThat(row.outcome()).isEqualTo("PERMITTED");
            assertThat(row.refusalStatus()).isNull();
        });
        assertThat(rows.get(0).clientId()).isEqualTo(rows.get(1).clientId()).matches("[0-9a-f]{64}");
    }

    @Test
    void theSendersReadBeforeAndTheReceiversReadAfterThePermitCarryPurposeAndBasis() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());

        String before = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", before).get("/referrals/" + n.referralId()).then()
                .statusCode(200);
        assertThat(AuditTable.of(before)).singleElement().isEqualTo(new Row(TestUsers.NURSE.sub(),
                TestUsers.HEALTH_CENTRE, "health-professional", "READ", "REFERRAL", n.referralId(), n.clientId(),
                "REFERRAL", null, "PERMITTED", null, before));

        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        String after = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", after).get("/referrals/" + n.referralId()).then()
                .statusCode(200);
        assertThat(AuditTable.of(after)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", n.referralId(), n.clientId(),
                "REFERRAL", "CONSENT", "PERMITTED", null, after));

        String need = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", need).get("/needs/" + n.needId()).then().statusCode(200);
        assertThat(AuditTable.of(need)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "NEED", n.needId(), n.clientId(), "REFERRAL",
                "CONSENT", "PERMITTED", null, need));
    }

    @Test
    void aStatutoryPermitIsTheBasisOfTheRecords() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(n, BOTH, null); // no consent: SHL 35 § (the client cannot look after themself)

        String read = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", read).get("/referrals/" + n.referralId()).then()
                .statusCode(200);
        assertThat(AuditTable.of(read)).singleElement().extracting(Row::legalBasis).isEqualTo("SHL_35_INCAPABLE");
    }

    @Test
    void aListRecordsOneEntryPerReferralItReturned() {
        List<Need> needs = List.of(needAwaitingConsent(UniqueHenkilotunnus.next()),
                needAwaitingConsent(UniqueHenkilotunnus.next()), needAwaitingConsent(UniqueHenkilotunnus.next()));

        String correlation = AuditTable.correlation();
        List<String> listed = as(TestUsers.NURSE).header("X-Correlation-Id", correlation)
                .queryParam("direction", "sent").get("/referrals").then().statusCode(200).extract().path("id");
        assertThat(listed).contains(needs.stream().map(Need::referralId).toArray(String[]::new));

        List<Row> rows = AuditTable.of(correlation);
        assertThat(rows).hasSize(listed.size()).allSatisfy(row -> {
            assertThat(row.action()).isEqualTo("LIST");
            assertThat(row.resourceType()).isEqualTo("REFERRAL");
            assertThat(row.actorOrg()).isEqualTo(TestUsers.HEALTH_CENTRE);
            assertThat(row.outcome()).isEqualTo("PERMITTED");
        });
        assertThat(rows).extracting(Row::resourceId).containsExactlyInAnyOrderElementsOf(listed);
        for (Need n : needs) {
            assertThat(rows).filteredOn(row -> row.resourceId().equals(n.referralId())).singleElement()
                    .extracting(Row::clientId).isEqualTo(n.clientId());
        }
    }

    @Test
    void anEmptyListRecordsNothing() {
        String correlation = AuditTable.correlation();
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation).queryParam("direction", "received")
                .queryParam("status", "EXPIRED").get("/referrals").then().statusCode(200);
        assertThat(AuditTable.of(correlation)).isEmpty();
    }

    @Test
    void aLongPollRecordsOneReadPerAnswerA304Too() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        String etag = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().extract().header("ETag");

        String unchanged = AuditTable.correlation();
        Response waited = as(TestUsers.NURSE).header("X-Correlation-Id", unchanged).header("If-None-Match", etag)
                .header("Prefer", "wait=1").get("/referrals/" + n.referralId());
        assertThat(waited.statusCode()).isEqualTo(304);
        assertThat(AuditTable.of(unchanged)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("READ");
            assertThat(row.resourceId()).isEqualTo(n.referralId());
        });

        String atOnce = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", atOnce).header("If-None-Match", etag)
                .get("/referrals/" + n.referralId()).then().statusCode(304);
        assertThat(AuditTable.of(atOnce)).singleElement().extracting(Row::action).isEqualTo("READ");

        String outdated = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", outdated).header("If-None-Match", "\"999999\"")
                .header("Prefer", "wait=5").get("/referrals/" + n.referralId()).then().statusCode(200);
        assertThat(AuditTable.of(outdated)).singleElement().extracting(Row::action).isEqualTo("READ");
    }

    @Test
    void aWaitAnsweredByTheChangeRecordsOneRead() throws Exception {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        String etag = as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().extract().header("ETag");

        String correlation = AuditTable.correlation();
        var waiting = CompletableFuture.supplyAsync(() -> as(TestUsers.NURSE)
                .header("X-Correlation-Id", correlation).header("If-None-Match", etag).header("Prefer", "wait=20")
                .get("/referrals/" + n.referralId()));
        Thread.sleep(300);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());
        assertThat(waiting.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        assertThat(AuditTable.of(correlation)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("READ");
            assertThat(row.legalBasis()).as("the answered version rests on the consent").isEqualTo("CONSENT");
        });
    }

    @Test
    void eachTransitionRecordsAnUpdateByWhoeverMadeIt() {
        Need n = needAwaitingConsent(UniqueHenkilotunnus.next());
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());

        String accept = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", accept).post("/referrals/" + n.referralId() + "/accept")
                .then().statusCode(200);
        String start = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", start).post("/referrals/" + n.referralId() + "/start")
                .then().statusCode(200);
        String complete = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", complete)
                .body(Map.of("outcome", "SERVICE_PROVIDED", "feedback", "Asiakas ohjattu ryhmään"))
                .post("/referrals/" + n.referralId() + "/complete").then().statusCode(200);

        for (String correlation : List.of(accept, start, complete)) {
            assertThat(AuditTable.of(correlation)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                    TestUsers.SOCIAL_SERVICES, "social-worker", "UPDATE", "REFERRAL", n.referralId(), n.clientId(),
                    "REFERRAL", "CONSENT", "PERMITTED", null, correlation));
        }

        Need cancelled = needAwaitingConsent(UniqueHenkilotunnus.next());
        String cancel = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", cancel).post("/referrals/" + cancelled.referralId() + "/cancel")
                .then().statusCode(200);
        assertThat(AuditTable.of(cancel)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("UPDATE");
            assertThat(row.actorSub()).isEqualTo(TestUsers.NURSE.sub());
            assertThat(row.legalBasis()).isNull();
        });
    }
}
