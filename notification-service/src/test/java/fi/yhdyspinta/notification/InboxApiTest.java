package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.healthCentreToSocialServices;
import static fi.yhdyspinta.notification.Scenario.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** The inbox API: acknowledgement by the owning organisation only, validated filters, roles. */
@NotificationServiceTest
class InboxApiTest {

    private static final String CLIENT_ID = clientIdOf("150615A901E");

    private String newReferralItemForSocialServices() {
        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                healthCentreToSocialServices(referralId, CLIENT_ID, "SENT", "AWAITING_CONSENT"));
        return (String) awaitItem(TestUsers.SOCIAL_WORKER, "referralId", referralId, "REFERRAL_RECEIVED").get("id");
    }

    @Test
    void theOwningOrganisationAcknowledgesAndAnotherGets404() {
        String id = newReferralItemForSocialServices();

        as(TestUsers.NURSE).post("/inbox/" + id + "/ack").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/not-found"));

        as(TestUsers.SOCIAL_WORKER).post("/inbox/" + id + "/ack").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("acknowledged", equalTo(true))
                .body("acknowledgedAt", notNullValue())
                .body("acknowledgedBy", equalTo("socialworker"));

        List<String> unacknowledged = as(TestUsers.SOCIAL_WORKER)
                .queryParam("unacknowledged", "true").queryParam("type", "REFERRAL_RECEIVED")
                .get("/inbox").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(unacknowledged).doesNotContain(id);
        List<String> all = as(TestUsers.SOCIAL_WORKER).queryParam("type", "REFERRAL_RECEIVED")
                .get("/inbox").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(all).contains(id);
    }

    @Test
    void acknowledgingAnUnknownItemIs404AndABadIdIsAClientError() {
        as(TestUsers.SOCIAL_WORKER).post("/inbox/" + UUID.randomUUID() + "/ack").then()
                .statusCode(404).contentType("application/problem+json");
        int status = as(TestUsers.SOCIAL_WORKER).post("/inbox/not-a-uuid/ack").then()
                .contentType("application/problem+json").extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }

    @Test
    void inboxIsNewestFirstAndTypeFilterHolds() {
        newReferralItemForSocialServices();
        List<String> created = as(TestUsers.SOCIAL_WORKER).get("/inbox").then().statusCode(200)
                .extract().jsonPath().getList("createdAt");
        assertThat(created).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b)
                .compareTo(java.time.OffsetDateTime.parse(a)));
        List<String> types = as(TestUsers.SOCIAL_WORKER).queryParam("type", "REFERRAL_RECEIVED").get("/inbox")
                .then().statusCode(200).extract().jsonPath().getList("type");
        assertThat(types).isNotEmpty().containsOnly("REFERRAL_RECEIVED");
    }

    @Test
    void badFiltersAreRejectedNamingTheParameter() {
        as(TestUsers.SOCIAL_WORKER).queryParam("type", "NOPE").get("/inbox").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("type"));
        as(TestUsers.SOCIAL_WORKER).queryParam("unacknowledged", "maybe").get("/inbox").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("unacknowledged"));
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        given().get("/inbox").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void opsClientAndArchiveHaveNoInbox() {
        for (TestUser user : List.of(TestUsers.OPS, TestUsers.CLIENT, TestUsers.ARCHIVE)) {
            as(user).get("/inbox").then().statusCode(403).contentType("application/problem+json");
            as(user).post("/inbox/" + UUID.randomUUID() + "/ack").then().statusCode(403);
        }
    }
}
