package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.BOTH;
import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.grantAndAwaitSent;
import static fi.yhdyspinta.referral.Scenario.need;
import static fi.yhdyspinta.referral.Scenario.needAwaitingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.referral.Scenario.Need;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * After a permit the receiver sees only the data categories the decision permitted (issue 6 point 2):
 * the henkilötunnus only with CONTACT_DETAILS, the need only with NEED_SUMMARY; {@code redacted} says
 * what was withheld. The same on the single read, in the list, on the need and in the answers to the
 * receiver's own actions. The sender sees all of it; another organisation nothing.
 */
@ReferralServiceTest
class ReceiverSeesOnlyPermittedCategories {

    @Test
    void withoutContactDetailsTheReceiverGetsNoHenkilotunnus() {
        String hetu = "131052-9085";
        Need n = needAwaitingConsent(hetu);
        grantAndAwaitSent(n, List.of("NEED_SUMMARY"), UUID.randomUUID());

        String single = as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", nullValue())
                .body("clientId", equalTo(n.clientId()))
                .body("category", equalTo("MENTAL_HEALTH"))
                .body("urgency", equalTo("ROUTINE"))
                .body("permittedDataCategories", contains("NEED_SUMMARY"))
                .body("redacted", contains("CONTACT_DETAILS"))
                .body("consentStatus", nullValue())
                .extract().asString();
        assertThat(single).doesNotContain(hetu);

        Map<String, Object> listed = as(TestUsers.SOCIAL_WORKER).queryParam("direction", "received")
                .get("/referrals").then().statusCode(200).body("id", hasItem(n.referralId()))
                .extract().jsonPath().getMap("find { it.id == '" + n.referralId() + "' }");
        assertThat(listed).containsEntry("client", null).containsEntry("category", "MENTAL_HEALTH")
                .containsEntry("redacted", List.of("CONTACT_DETAILS"));
        assertThat(listed.toString()).doesNotContain(hetu);

        String need = as(TestUsers.SOCIAL_WORKER).get("/needs/" + n.needId()).then().statusCode(200)
                .body("client", nullValue()).body("category", equalTo("MENTAL_HEALTH"))
                .body("redacted", contains("CONTACT_DETAILS")).extract().asString();
        assertThat(need).doesNotContain(hetu);

        String accepted = as(TestUsers.SOCIAL_WORKER).post("/referrals/" + n.referralId() + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("client", nullValue())
                .extract().asString();
        assertThat(accepted).doesNotContain(hetu);

        // the sender sees its own referral whole
        as(TestUsers.NURSE).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo(hetu)).body("redacted", empty())
                .body("consentStatus", equalTo("GRANTED"));
        as(TestUsers.HOSPITAL_NURSE).get("/referrals/" + n.referralId()).then().statusCode(404);
        as(TestUsers.HOSPITAL_NURSE).get("/needs/" + n.needId()).then().statusCode(404);
    }

    @Test
    void withContactDetailsTheReceiverGetsTheHenkilotunnus() {
        String hetu = "010190-900P";
        Need n = needAwaitingConsent(TestUsers.NURSE, hetu, TestUsers.NGO);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());

        as(TestUsers.NGO_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo(hetu)).body("category", equalTo("MENTAL_HEALTH"))
                .body("redacted", empty());
        as(TestUsers.NGO_WORKER).get("/needs/" + n.needId()).then().statusCode(200)
                .body("client", equalTo(hetu)).body("targetSector", equalTo("NGO"));
        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(404);
    }

    @Test
    void contactDetailsAloneShowWhomButNotWhatFor() {
        String hetu = "150615A901E";
        Need n = needAwaitingConsent(hetu);
        grantAndAwaitSent(n, List.of("CONTACT_DETAILS"), UUID.randomUUID());

        as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", equalTo(hetu)).body("category", nullValue()).body("urgency", nullValue())
                .body("redacted", contains("NEED_SUMMARY"));
    }

    @Test
    void thePermitNeverShowsMoreThanTheSenderMeantToDisclose() {
        String hetu = "131052-9085";
        Map<String, Object> body = new HashMap<>(need(hetu, TestUsers.SOCIAL_SERVICES));
        body.put("dataCategories", List.of("NEED_SUMMARY"));
        Need n = needAwaitingConsent(TestUsers.NURSE, body, TestUsers.SOCIAL_SERVICES);
        grantAndAwaitSent(n, BOTH, UUID.randomUUID());

        String view = as(TestUsers.SOCIAL_WORKER).get("/referrals/" + n.referralId()).then().statusCode(200)
                .body("client", nullValue()).body("permittedDataCategories", contains("NEED_SUMMARY"))
                .body("redacted", contains("CONTACT_DETAILS")).extract().asString();
        assertThat(view).doesNotContain(hetu);
    }
}
