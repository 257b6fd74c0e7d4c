package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 7: a professional sees audit records only of their own organisation's acts — {@code GET /audit/records}
 * for a unit lead, with the account ids; another organisation's acts never appear, and other roles are refused.
 */
@ConsentServiceTest
class UnitLeadSeesOnlyTheirOrganisationsActs {

    @Test
    void theHealthCentresLeadSeesTheHealthCentresActsOnly() {
        String hetu = newHetu();
        String clientId = clientIdOf(hetu);
        CloudEvent own = AuditTrailRows.publish(AuditTrailRows.record("referral-service", OffsetDateTime.now(),
                "nurse", TestUsers.HEALTH_CENTRE, "health-professional", "CREATE", "REFERRAL", clientId, "REFERRAL",
                null, "PERMITTED", null));
        CloudEvent others = AuditTrailRows.publish(AuditTrailRows.record("referral-service", OffsetDateTime.now(),
                "socialworker", TestUsers.SOCIAL_SERVICES, "social-worker", "READ", "REFERRAL", clientId, "REFERRAL",
                "CONSENT", "PERMITTED", null));
        // both have arrived once the client sees them
        Scenario.awaitAccessLogEntry(hetu, e -> others.id().equals(e.get("id")));
        Scenario.awaitAccessLogEntry(hetu, e -> own.id().equals(e.get("id")));

        List<Map<String, Object>> records = as(TestUsers.UNIT_LEAD).queryParam("client", clientId)
                .get("/audit/records").then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(records).extracting(r -> r.get("id")).contains(own.id()).doesNotContain(others.id());
        assertThat(records).allSatisfy(r -> assertThat(r).containsEntry("actorOrganisation", TestUsers.HEALTH_CENTRE));
        assertThat(records).filteredOn(r -> own.id().equals(r.get("id"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("actorSub", "nurse").containsEntry("action", "CREATE"));

        // the lead's read is itself audited, as a read of the client's access log
        assertThat(Scenario.awaitAccessLogEntry(hetu, e -> "ACCESS_LOG".equals(e.get("resourceType"))
                && e.get("who").toString().contains("unit-lead"))).containsEntry("action", "READ");
    }

    @Test
    void otherRolesAreRefusedAndAClientIdIsRequired() {
        String clientId = clientIdOf(newHetu());
        for (TestUser user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.NGO_WORKER, TestUsers.OPS,
                TestUsers.AUDITOR, TestUsers.ADMIN, client(newHetu()))) {
            as(user).queryParam("client", clientId).get("/audit/records").then().statusCode(403);
        }
        as(TestUsers.UNIT_LEAD).queryParam("client", "010190-900P").get("/audit/records").then().statusCode(400)
                .body("errors.field", hasItem("client"));
        as(TestUsers.UNIT_LEAD).get("/audit/records").then().statusCode(400);
    }
}
