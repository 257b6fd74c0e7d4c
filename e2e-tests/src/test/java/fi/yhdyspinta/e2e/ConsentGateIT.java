package fi.yhdyspinta.e2e;

import static fi.yhdyspinta.e2e.Calls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * The consent gate tried from outside, across the four running services (issue 6): the recipient
 * cannot authorise itself, the receiver sees nothing before consent, a consent cannot be forged by the
 * organisation it would release data to, and the client can change their mind with the sender told.
 */
@ExtendWith(SuiteExtension.class)
class ConsentGateIT {

    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    private static Map<String, Object> needFor(String hetu, String target) {
        return Map.of("client", hetu, "category", "MENTAL_HEALTH", "targetOrganisation", target,
                "urgency", "ROUTINE");
    }

    private static String[] nurseRecordsNeed(String hetu, String target) {
        var created = as(TestUsers.NURSE, suite.referral).body(needFor(hetu, target)).post("/needs").then()
                .statusCode(201).extract();
        return new String[] { created.path("id"), created.path("referralId") };
    }

    private static void awaitConsentStatus(String referralId, String consentStatus) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200)
                .body("consentStatus", equalTo(consentStatus)));
    }

    @Test
    void theRecipientCannotAuthoriseItselfPastTheClientsProhibition() {
        String hetu = Fixtures.newHetu();
        TestUser client = Fixtures.clientOf(new Fixtures.Fixture(null, hetu));
        as(client, suite.consent).body(Map.of("register", "HEALTH")).post("/me/prohibitions").then()
                .statusCode(201);
        String[] need = nurseRecordsNeed(hetu, TestUsers.NGO);
        awaitConsentStatus(need[1], "DENIED");

        // the NGO claims child protection (LSL 25 §) for the need addressed to itself
        as(TestUsers.NGO_WORKER, suite.consent).body(Map.of("client", hetu, "recipientOrganisation", TestUsers.NGO,
                "purpose", "REFERRAL", "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"),
                "statutoryBasis", "LSL_25", "justification", "Lapsen etu vaatii.", "needId", need[0]))
                .post("/consent-decisions").then()
                .statusCode(403).contentType("application/problem+json");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> as(TestUsers.NURSE,
                suite.referral).get("/referrals/" + need[1]).then().body("status", equalTo("AWAITING_CONSENT")));
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + need[1]).then().statusCode(404);
    }

    @Test
    void theReceiverSeesNothingOfTheClientBeforeConsent() {
        String hetu = Fixtures.newHetu();
        String[] need = nurseRecordsNeed(hetu, TestUsers.SOCIAL_SERVICES);

        String single = as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals/" + need[1]).then()
                .statusCode(404).extract().asString();
        String needView = as(TestUsers.SOCIAL_WORKER, suite.referral).get("/needs/" + need[0]).then()
                .statusCode(404).extract().asString();
        String received = as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals?direction=received").then()
                .statusCode(200).body("id", not(hasItem(need[1]))).extract().asString();
        assertThat(single + needView + received).doesNotContain(hetu);
    }

    @Test
    void theOrganisationTheDataWouldGoToCannotRecordTheConsent() {
        String hetu = Fixtures.newHetu();
        String[] need = nurseRecordsNeed(hetu, TestUsers.NGO);

        as(TestUsers.NGO_WORKER, suite.consent).body(Fixtures.consentBody(hetu, TestUsers.NGO)).post("/consents")
                .then().statusCode(403).contentType("application/problem+json");
        // another organisation's consent for the NGO does not release the health centre's need either
        as(TestUsers.HOSPITAL_NURSE, suite.consent).body(Fixtures.consentBody(hetu, TestUsers.NGO)).post("/consents")
                .then().statusCode(201);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> as(TestUsers.NURSE,
                suite.referral).get("/referrals/" + need[1]).then().body("status", equalTo("AWAITING_CONSENT")));
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + need[1]).then().statusCode(404);
    }

    @Test
    void theClientChangesTheirMindAndTheSenderIsToldOfTheRefusalMeanwhile() {
        String hetu = Fixtures.newHetu();
        Map<String, Object> refusal = new HashMap<>(Fixtures.consentBody(hetu, TestUsers.SOCIAL_SERVICES));
        refusal.put("answer", "REFUSED");
        as(TestUsers.NURSE, suite.consent).body(refusal).post("/consents").then().statusCode(201);
        String[] need = nurseRecordsNeed(hetu, TestUsers.SOCIAL_SERVICES);

        awaitConsentStatus(need[1], "DENIED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.notification)
                .get("/inbox").then().statusCode(200)
                .body("findAll { it.type == 'CONSENT_DENIED' }.needId", hasItem(need[0])));

        // the client, signed in, gives the consent after all
        Map<String, Object> consent = new HashMap<>(Fixtures.consentBody(hetu, TestUsers.SOCIAL_SERVICES));
        consent.remove("client");
        consent.remove("form");
        as(Fixtures.clientOf(new Fixtures.Fixture(null, hetu)), suite.consent).body(consent).post("/me/consents")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE, suite.referral)
                .get("/referrals/" + need[1]).then().statusCode(200).body("status", equalTo("SENT"))
                .body("consentStatus", equalTo("GRANTED")));
        as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals/" + need[1]).then().statusCode(200);
    }
}
