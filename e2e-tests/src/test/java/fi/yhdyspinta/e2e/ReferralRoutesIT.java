package fi.yhdyspinta.e2e;

import static fi.yhdyspinta.e2e.Calls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.e2e.matrix.Fixtures;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 9 across the four running services, with consent-service deciding for real:
 * <ul>
 * <li>a referral the social services find better suited to an NGO is forwarded (siirto): the NGO sees nothing until
 * the social services, now the discloser, record the client's consent for it; then it is SENT to the NGO, and the
 * health centre that first referred is told in its inbox;</li>
 * <li>a nurse finds an NGO's peer-support group with a waiting list in the service directory and prescribes it
 * (hyvinvointilähete, purpose SOCIAL_PRESCRIBING, minimal data); after the client's consent the NGO confirms the
 * start and the attendance, and the nurse sees the outcome.</li>
 * </ul>
 */
@ExtendWith(SuiteExtension.class)
class ReferralRoutesIT {

    private static final TestUser NGO_LEAD = new TestUser("ngolead", TestUsers.NGO, "NGO", Set.of("unit-lead"), null);
    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    @Test
    void aForwardedReferralReachesTheNgoOnlyAfterItsOwnConsent() {
        String hetu = Fixtures.newHetu();
        String original = as(TestUsers.NURSE, suite.referral).body(Map.of("client", hetu, "category", "LONELINESS",
                "targetOrganisation", TestUsers.SOCIAL_SERVICES, "urgency", "ROUTINE")).post("/needs").then()
                .statusCode(201).extract().path("referralId");
        consent(TestUsers.NURSE, hetu, TestUsers.SOCIAL_SERVICES, "REFERRAL");
        awaitStatus(TestUsers.NURSE, original, "SENT");

        // the receiver's first read receives it; the sender sees RECEIVED
        as(TestUsers.SOCIAL_WORKER, suite.referral).get("/referrals/" + original).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        awaitStatus(TestUsers.NURSE, original, "RECEIVED");

        String forwarded = as(TestUsers.SOCIAL_WORKER, suite.referral)
                .body(Map.of("targetOrganisation", TestUsers.NGO, "reason", "BETTER_SUITED"))
                .post("/referrals/" + original + "/forward").then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT")).extract().path("id");
        as(TestUsers.NURSE, suite.referral).get("/referrals/" + original).then()
                .body("status", equalTo("FORWARDED")).body("forwardedTo", equalTo(forwarded));

        // nothing of it for the NGO before its own permit
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + forwarded).then().statusCode(404);
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals?direction=received").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(forwarded)));

        // the social services, now the discloser, record the client's consent for the NGO
        consent(TestUsers.SOCIAL_WORKER, hetu, TestUsers.NGO, "REFERRAL");
        awaitStatus(TestUsers.SOCIAL_WORKER, forwarded, "SENT");
        as(TestUsers.NGO_WORKER, suite.referral).get("/referrals/" + forwarded).then().statusCode(200)
                .body("forwardedFrom", equalTo(original));

        // the health centre that first referred is told; the history names who forwarded
        awaitInboxItem(TestUsers.NURSE, "REFERRAL_FORWARDED", original);
        List<Map<String, Object>> history = as(TestUsers.NURSE, suite.referral).get("/referrals/" + original + "/history")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(history).anyMatch(t -> "FORWARDED".equals(t.get("to"))
                && TestUsers.SOCIAL_SERVICES.equals(t.get("actorOrganisation")));
    }

    @Test
    void aSocialPrescriptionToAWaitlistedNgoActivityEndsAttended() {
        String serviceId = as(NGO_LEAD, suite.referral).body(Map.of("name", "Vertaistukiryhmä yksinäisille",
                "categories", List.of("LONELINESS"), "municipality", "261", "languages", List.of("fi", "se"),
                "capacity", "WAITLIST", "waitBand", "UNDER_2_WEEKS")).post("/services").then().statusCode(201)
                .extract().path("id");
        as(TestUsers.NURSE, suite.referral).queryParam("category", "LONELINESS").queryParam("municipality", "261")
                .queryParam("language", "se").get("/services").then().statusCode(200).body("id", hasItem(serviceId));

        String hetu = Fixtures.newHetu();
        String prescription = as(TestUsers.NURSE, suite.referral).body(Map.of("client", hetu, "serviceId", serviceId,
                "needCategory", "LONELINESS")).post("/social-prescriptions").then().statusCode(201)
                .extract().path("id");
        as(TestUsers.NGO_WORKER, suite.referral).post("/social-prescriptions/" + prescription + "/start").then()
                .statusCode(404);

        consent(TestUsers.NURSE, hetu, TestUsers.NGO, "SOCIAL_PRESCRIBING");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestUsers.NGO_WORKER, suite.referral)
                .post("/social-prescriptions/" + prescription + "/start").then().statusCode(200));
        as(TestUsers.NGO_WORKER, suite.referral).body(Map.of("attendance", "ATTENDED"))
                .post("/social-prescriptions/" + prescription + "/attendance").then().statusCode(200);

        as(TestUsers.NURSE, suite.referral).get("/social-prescriptions/" + prescription).then().statusCode(200)
                .body("status", equalTo("ATTENDED"));
        awaitInboxItem(TestUsers.NURSE, "SOCIAL_PRESCRIPTION_ATTENDED", prescription);
    }

    private static void consent(TestUser discloser, String hetu, String recipient, String purpose) {
        as(discloser, suite.consent).body(Map.of("client", hetu, "purpose", purpose, "recipients", List.of(recipient),
                "dataCategories", List.of("NEED_SUMMARY", "CONTACT_DETAILS"), "validUntil",
                LocalDate.now().plusYears(1).toString(), "form", "ORAL")).post("/consents").then().statusCode(201);
    }

    private static void awaitStatus(TestUser who, String referralId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(who, suite.referral)
                .get("/referrals/" + referralId).then().statusCode(200).body("status", equalTo(status)));
    }

    private static void awaitInboxItem(TestUser user, String type, String referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> items = as(user, suite.notification).get("/inbox?type=" + type).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(items).anyMatch(item -> referralId.equals(item.get("referralId")));
        });
    }
}
