package fi.yhdyspinta.careplan;

import static fi.yhdyspinta.careplan.Plans.create;
import static fi.yhdyspinta.careplan.Plans.nextVersion;
import static fi.yhdyspinta.careplan.Plans.plan;
import static fi.yhdyspinta.careplan.Scenario.acknowledgement;
import static fi.yhdyspinta.careplan.Scenario.as;
import static fi.yhdyspinta.careplan.Scenario.inDays;
import static fi.yhdyspinta.careplan.Scenario.newTestHetu;
import static fi.yhdyspinta.careplan.Scenario.socialWorkerInvitesHealthCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.careplan.AuditTable.Row;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.ConsentRevoked;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7 point 1: a refused attempt on an existing joint assessment or plan is audited with outcome REFUSED and the
 * answer's status — 404 when the caller's organisation is not party to it, 403 when its part may not do this (the
 * invited organisation completing, the requester acknowledging, an organisation whose plan share was revoked). The
 * record stays although the request's transaction rolled back. An id that does not exist names no client and is not
 * audited.
 */
@CarePlanServiceTest
class RefusedAttemptsOnAnAssessmentOrAPlanAreAudited {

    private static final String CONSENT_SERVICE = "/yhdyspinta/consent-service";

    @Test
    void anotherOrganisationReadingOrActingOnAnAssessmentIsARefused404() {
        var created = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");

        Map<TestUser, String> mainRole = Map.of(TestUsers.HOSPITAL_NURSE, "health-professional",
                TestUsers.NGO_WORKER, "ngo-worker");
        for (TestUser other : mainRole.keySet()) {
            String read = AuditTable.correlation();
            as(other).header("X-Correlation-Id", read).get("/joint-assessments/" + id).then().statusCode(404);
            assertThat(AuditTable.of(read)).singleElement().isEqualTo(new Row(other.sub(), other.org(),
                    mainRole.get(other), "READ", "JOINT_ASSESSMENT", id, clientId, "JOINT_ASSESSMENT",
                    null, "REFUSED", 404, read));
        }
        String acknowledge = AuditTable.correlation();
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", acknowledge)
                .body(acknowledgement("Hoitaja", inDays(2))).post("/joint-assessments/" + id + "/acknowledge")
                .then().statusCode(404);
        assertThat(AuditTable.of(acknowledge)).singleElement().extracting(Row::action, Row::outcome,
                Row::refusalStatus).containsExactly("UPDATE", "REFUSED", 404);
    }

    @Test
    void aPartyDoingTheOtherPartysStepIsARefused403() {
        var created = socialWorkerInvitesHealthCentre(newTestHetu()).statusCode(201).extract();
        String id = created.path("id");

        String acknowledge = AuditTable.correlation();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", acknowledge)
                .body(acknowledgement("Sosiaalityöntekijä", inDays(2)))
                .post("/joint-assessments/" + id + "/acknowledge").then().statusCode(403);
        assertThat(AuditTable.of(acknowledge)).singleElement().isEqualTo(new Row(TestUsers.SOCIAL_WORKER.sub(),
                TestUsers.SOCIAL_SERVICES, "social-worker", "UPDATE", "JOINT_ASSESSMENT", id,
                created.path("clientId"), "JOINT_ASSESSMENT", null, "REFUSED", 403, acknowledge));

        String complete = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", complete).post("/joint-assessments/" + id + "/complete")
                .then().statusCode(403);
        assertThat(AuditTable.of(complete)).singleElement().extracting(Row::actorOrg, Row::outcome,
                Row::refusalStatus).containsExactly(TestUsers.HEALTH_CENTRE, "REFUSED", 403);
        as(TestUsers.SOCIAL_WORKER).get("/joint-assessments/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
    }

    @Test
    void anOrganisationOutsideAPlanIsARefused404OnEveryOperation() {
        String hetu = newTestHetu();
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(), TestUsers.SOCIAL_SERVICES))
                .statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        String etag = created.header("ETag");

        String correlation = AuditTable.correlation();
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation).get("/plans/" + id).then()
                .statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation).get("/plans/" + id + "/versions").then()
                .statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation)
                .get("/plans/" + id + "/responsible-worker/history").then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation).header("If-Match", etag)
                .body(nextVersion(hetu, List.of(TestUsers.CENTRAL_HOSPITAL), TestUsers.CENTRAL_HOSPITAL, "x"))
                .put("/plans/" + id).then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", correlation).header("If-Match", etag)
                .body(Map.of("worker", "hospitalnurse", "organisation", TestUsers.CENTRAL_HOSPITAL, "reason",
                        "WORKLOAD"))
                .post("/plans/" + id + "/responsible-worker").then().statusCode(404);

        List<Row> rows = AuditTable.of(correlation);
        assertThat(rows).extracting(Row::action).containsExactly("READ", "READ", "READ", "UPDATE", "UPDATE");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.actorSub()).isEqualTo(TestUsers.HOSPITAL_NURSE.sub());
            assertThat(row.actorOrg()).isEqualTo(TestUsers.CENTRAL_HOSPITAL);
            assertThat(row.resourceType()).isEqualTo("CARE_PLAN");
            assertThat(row.resourceId()).isEqualTo(id);
            assertThat(row.clientId()).isEqualTo(clientId);
            assertThat(row.purpose()).isEqualTo("JOINT_CLIENT_PLAN");
            assertThat(row.legalBasis()).as("a refusal rests on no basis").isNull();
            assertThat(row.outcome()).isEqualTo("REFUSED");
            assertThat(row.refusalStatus()).isEqualTo(404);
        });
    }

    @Test
    void anOrganisationWhoseShareWasRevokedIsARefused403BeyondTheIds() {
        String hetu = newTestHetu();
        UUID consent = ConsentServiceDouble.grant(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        var created = create(TestUsers.SOCIAL_WORKER, plan(hetu, List.of(TestUsers.NGO), TestUsers.NGO))
                .statusCode(201).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        ConsentServiceDouble.revoke(hetu, TestUsers.SOCIAL_SERVICES, TestUsers.NGO);
        TestEvents.publish(EventType.CONSENT_REVOKED, clientId, new ConsentRevoked(consent.toString(), clientId,
                "JOINT_CLIENT_PLAN", OffsetDateTime.now(ZoneOffset.UTC)), CONSENT_SERVICE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestUsers.NGO_WORKER).get("/plans/" + id)
                .then().statusCode(200).body("sharing", equalTo("REVOKED")));

        String ids = AuditTable.correlation();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", ids).get("/plans/" + id).then().statusCode(200);
        assertThat(AuditTable.of(ids)).singleElement().extracting(Row::action, Row::legalBasis, Row::outcome)
                .as("the ids are a read, on no basis any more").containsExactly("READ", null, "PERMITTED");

        String versions = AuditTable.correlation();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", versions).get("/plans/" + id + "/versions").then()
                .statusCode(403);
        assertThat(AuditTable.of(versions)).singleElement().isEqualTo(new Row(TestUsers.NGO_WORKER.sub(),
                TestUsers.NGO, "ngo-worker", "READ", "CARE_PLAN", id, clientId, "JOINT_CLIENT_PLAN", null, "REFUSED",
                403, versions));
    }

    @Test
    void anIdThatDoesNotExistIsNotAudited() {
        String id = UUID.randomUUID().toString();
        String correlation = AuditTable.correlation();
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).get("/joint-assessments/" + id).then()
                .statusCode(404);
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).post("/joint-assessments/" + id + "/complete")
                .then().statusCode(404);
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).get("/plans/" + id).then().statusCode(404);
        as(TestUsers.NURSE).header("X-Correlation-Id", correlation).get("/plans/" + id + "/versions").then()
                .statusCode(404);
        assertThat(AuditTable.of(correlation)).isEmpty();
    }
}
