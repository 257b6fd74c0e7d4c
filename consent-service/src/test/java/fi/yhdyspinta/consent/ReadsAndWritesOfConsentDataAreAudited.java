package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.consent;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §8: every read and write of consent data leaves an audit record in the act's own transaction — who
 * (account, organisation, role), what, whose, why and on what basis. A list leaves one record per item it returned;
 * a write that fails leaves no record of a permitted act.
 */
@ConsentServiceTest
class ReadsAndWritesOfConsentDataAreAudited {

    private static final List<String> DATA = List.of("NEED_SUMMARY", "CONTACT_DETAILS");

    @Test
    void aPermittedReadOfADecisionLeavesOnePermittedRecord() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        String decided = UUID.randomUUID().toString();
        String id = as(TestUsers.NURSE).header("X-Correlation-Id", decided)
                .body(decision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA))
                .post("/consent-decisions").then().statusCode(201).extract().path("id");
        assertThat(AuditTrailRows.ofRequest(decided)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "DECIDE").containsEntry("resource_type", "CONSENT_DECISION")
                .containsEntry("resource_id", id).containsEntry("legal_basis", "CONSENT")
                .containsEntry("purpose", "REFERRAL").containsEntry("outcome", "PERMITTED"));

        String read = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header("X-Correlation-Id", read).get("/consent-decisions/" + id).then().statusCode(200);

        assertThat(AuditTrailRows.ofRequest(read)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor_sub", TestUsers.NURSE.sub())
                .containsEntry("actor_org", TestUsers.HEALTH_CENTRE)
                .containsEntry("actor_role", "health-professional")
                .containsEntry("action", "READ")
                .containsEntry("resource_type", "CONSENT_DECISION")
                .containsEntry("resource_id", id)
                .containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("purpose", "REFERRAL")
                .containsEntry("legal_basis", "CONSENT")
                .containsEntry("outcome", "PERMITTED")
                .containsEntry("refusal_status", null));
    }

    @Test
    void aListOfThreeConsentsLeavesThreeRecords() {
        String hetu = newHetu();
        List<String> ids = List.of(
                as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                        .extract().<String>path("id"),
                as(TestUsers.NURSE).body(consent(hetu, "REFERRAL", List.of(TestUsers.NGO), DATA)).post("/consents")
                        .then().statusCode(201).extract().<String>path("id"),
                as(TestUsers.NURSE).body(consent(hetu, "JOINT_CLIENT_PLAN", List.of(TestUsers.SOCIAL_SERVICES), DATA))
                        .post("/consents").then().statusCode(201).extract().<String>path("id"));

        String listed = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header("X-Correlation-Id", listed).queryParam("client", hetu).get("/consents").then()
                .statusCode(200);

        List<Map<String, Object>> rows = AuditTrailRows.ofRequest(listed);
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).containsEntry("action", "LIST")
                .containsEntry("resource_type", "CONSENT").containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("actor_org", TestUsers.HEALTH_CENTRE));
        assertThat(rows).extracting(row -> row.get("resource_id")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void writesAreAuditedWithTheirActor() {
        String hetu = newHetu();
        String created = UUID.randomUUID().toString();
        String consentId = as(TestUsers.NURSE).header("X-Correlation-Id", created).body(referralConsent(hetu))
                .post("/consents").then().statusCode(201).extract().path("id");
        assertThat(AuditTrailRows.ofRequest(created)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "CREATE").containsEntry("resource_type", "CONSENT")
                .containsEntry("resource_id", consentId).containsEntry("purpose", "REFERRAL"));

        String revoked = UUID.randomUUID().toString();
        as(client(hetu)).header("X-Correlation-Id", revoked).post("/consents/" + consentId + "/revoke").then()
                .statusCode(200);
        assertThat(AuditTrailRows.ofRequest(revoked)).filteredOn(row -> "REVOKE".equals(row.get("action")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("actor_role", "client")
                        .containsEntry("actor_org", null).containsEntry("resource_id", consentId)
                        .containsEntry("client_id", clientIdOf(hetu)));

        String prohibited = UUID.randomUUID().toString();
        String prohibitionId = as(client(hetu)).header("X-Correlation-Id", prohibited)
                .body(Map.of("register", "HEALTH")).post("/me/prohibitions").then().statusCode(201)
                .extract().path("id");
        assertThat(AuditTrailRows.ofRequest(prohibited)).filteredOn(row -> "PROHIBITION".equals(row.get("resource_type")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("action", "CREATE")
                        .containsEntry("resource_id", prohibitionId).containsEntry("actor_role", "client"));

        String mine = UUID.randomUUID().toString();
        as(client(hetu)).header("X-Correlation-Id", mine).get("/me/consents").then().statusCode(200);
        assertThat(AuditTrailRows.ofRequest(mine)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "LIST").containsEntry("resource_id", consentId)
                .containsEntry("actor_role", "client"));
    }

    @Test
    void aFailedWriteLeavesNoPermittedRecord() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");
        as(TestUsers.NURSE).post("/consents/" + consentId + "/revoke").then().statusCode(200);
        String again = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header("X-Correlation-Id", again).post("/consents/" + consentId + "/revoke").then()
                .statusCode(409);

        assertThat(AuditTrailRows.ofRequest(again)).as("the refused transition rolled back with its record").isEmpty();
        assertThat(AuditTrailRows.ofResource(consentId)).filteredOn(row -> "REVOKE".equals(row.get("action")))
                .hasSize(1);
    }
}
