package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.clientIdOf;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.referralConsent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §8: refused access attempts are audited — 404 for an object the caller may not see, 403 for an act the
 * caller's organisation or role may not do — with outcome REFUSED and the status, and the record stays although
 * the request's transaction rolled back. An id that names nothing names no client: nothing to audit.
 */
@ConsentServiceTest
class RefusedAttemptsAreAudited {

    private static final List<String> DATA = List.of("NEED_SUMMARY", "CONTACT_DETAILS");

    @Test
    void anotherOrganisationReadingADecisionIsRefusedAndAudited() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);
        String id = as(TestUsers.NURSE).body(decision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA))
                .post("/consent-decisions").then().statusCode(201).extract().path("id");

        String attempt = UUID.randomUUID().toString();
        as(TestUsers.HOSPITAL_NURSE).header("X-Correlation-Id", attempt).get("/consent-decisions/" + id).then()
                .statusCode(404).contentType(PROBLEM);

        assertThat(AuditTrailRows.ofRequest(attempt)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor_sub", TestUsers.HOSPITAL_NURSE.sub())
                .containsEntry("actor_org", TestUsers.CENTRAL_HOSPITAL)
                .containsEntry("action", "READ").containsEntry("resource_type", "CONSENT_DECISION")
                .containsEntry("resource_id", id).containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("outcome", "REFUSED").containsEntry("refusal_status", 404)
                .containsEntry("legal_basis", null));
    }

    @Test
    void revokingAConsentTheCallerMayNotSeeIsRefusedAndAudited() {
        String hetu = newHetu();
        String consentId = as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201)
                .extract().path("id");

        String byNgo = UUID.randomUUID().toString();
        as(TestUsers.NGO_WORKER).header("X-Correlation-Id", byNgo).post("/consents/" + consentId + "/revoke").then()
                .statusCode(404);
        String byOtherClient = UUID.randomUUID().toString();
        as(client(newHetu())).header("X-Correlation-Id", byOtherClient).post("/consents/" + consentId + "/revoke")
                .then().statusCode(404);

        assertThat(AuditTrailRows.ofRequest(byNgo)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor_org", TestUsers.NGO).containsEntry("action", "REVOKE")
                .containsEntry("resource_id", consentId).containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("outcome", "REFUSED").containsEntry("refusal_status", 404));
        assertThat(AuditTrailRows.ofRequest(byOtherClient)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor_role", "client").containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("outcome", "REFUSED"));
        // nothing was revoked
        as(TestUsers.NURSE).queryParam("client", hetu).get("/consents").then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("ACTIVE"));
    }

    @Test
    void theRecipientAskingForItsOwnPermitIsRefusedWith403AndAudited() {
        String hetu = newHetu();
        as(TestUsers.NURSE).body(referralConsent(hetu)).post("/consents").then().statusCode(201);

        String attempt = UUID.randomUUID().toString();
        as(TestUsers.SOCIAL_WORKER).header("X-Correlation-Id", attempt)
                .body(decision(hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL", DATA)).post("/consent-decisions").then()
                .statusCode(403).contentType(PROBLEM);

        assertThat(AuditTrailRows.ofRequest(attempt)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor_org", TestUsers.SOCIAL_SERVICES).containsEntry("actor_role", "social-worker")
                .containsEntry("action", "DECIDE").containsEntry("client_id", clientIdOf(hetu))
                .containsEntry("purpose", "REFERRAL")
                .containsEntry("outcome", "REFUSED").containsEntry("refusal_status", 403));
        assertThat(Scenario.decisions(hetu)).as("nothing decided").isEmpty();
    }

    @Test
    void anIdThatNamesNothingIsNotAudited() {
        String unknown = UUID.randomUUID().toString();
        String attempt = UUID.randomUUID().toString();
        as(TestUsers.NURSE).header("X-Correlation-Id", attempt).get("/consent-decisions/" + unknown).then()
                .statusCode(404);
        assertThat(AuditTrailRows.ofRequest(attempt)).isEmpty();
        assertThat(AuditTrailRows.ofResource(unknown)).isEmpty();
    }
}
