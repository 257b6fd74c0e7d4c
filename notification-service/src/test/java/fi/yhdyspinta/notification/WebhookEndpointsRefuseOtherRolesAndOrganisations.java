package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * Webhooks are the unit lead's, of the own organisation: other roles get 403, no token 401, and another
 * organisation's subscription is 404 on delete and rotation and never listed. Bad bodies are 400 naming the field.
 */
@NotificationServiceTest
class WebhookEndpointsRefuseOtherRolesAndOrganisations {

    private static final Webhooks.Organisation OWNER = Webhooks.Organisation.of("1.2.246.10.2345678.50.9");
    private static final Webhooks.Organisation OTHER = Webhooks.Organisation.of("1.2.246.10.2345678.50.10");
    private static final Map<String, Object> BODY = Map.of("url", "https://kirjaamo.example.fi/hook",
            "eventTypes", List.of(Webhooks.REFERRAL_SENT));

    @Test
    void onlyTheOwnOrganisationsUnitLeadManagesItsWebhooks() {
        Webhooks.Subscription own = Webhooks.subscribe(OWNER.lead(), "http://127.0.0.1:9/hook", Webhooks.REFERRAL_SENT);

        as(OWNER.professional()).body(BODY).post("/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestUsers.OPS).body(BODY).post("/webhooks").then().statusCode(403);
        as(TestUsers.ADMIN).get("/webhooks").then().statusCode(403);
        as(OWNER.professional()).get("/webhooks").then().statusCode(403);
        given().contentType(ContentType.JSON).body(BODY).post("/webhooks").then().statusCode(401);
        given().get("/webhooks").then().statusCode(401);
        as(OWNER.professional()).delete("/webhooks/" + own.id()).then().statusCode(403);
        as(OWNER.professional()).post("/webhooks/" + own.id() + "/secret").then().statusCode(403);

        as(OTHER.lead()).get("/webhooks").then().statusCode(200).body("$", empty());
        as(OTHER.lead()).delete("/webhooks/" + own.id()).then().statusCode(404)
                .contentType("application/problem+json");
        as(OTHER.lead()).post("/webhooks/" + own.id() + "/secret").then().statusCode(404)
                .contentType("application/problem+json");
        as(OWNER.lead()).get("/webhooks").then().statusCode(200).body("id", hasItem(own.id()));

        as(OWNER.lead()).delete("/webhooks/" + own.id()).then().statusCode(204);
        as(OWNER.lead()).get("/webhooks").then().statusCode(200).body("$", empty());
        as(OWNER.lead()).delete("/webhooks/" + own.id()).then().statusCode(404);
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        as(OWNER.lead()).body(Map.of("eventTypes", List.of(Webhooks.REFERRAL_SENT))).post("/webhooks").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        as(OWNER.lead()).body(Map.of("url", "https://kirjaamo.example.fi/hook", "eventTypes", List.of()))
                .post("/webhooks").then()
                .statusCode(400).body("errors.field", hasItem("eventTypes"));
        // an event type that never reaches an inbox (or none at all) cannot be subscribed to
        as(OWNER.lead()).body(Map.of("url", "https://kirjaamo.example.fi/hook",
                "eventTypes", List.of(Webhooks.REFERRAL_SENT, "fi.yhdyspinta.audit.recorded.v1")))
                .post("/webhooks").then()
                .statusCode(400).body("errors.field", hasItems("eventTypes[1]"))
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"));
        as(OWNER.lead()).body("{\"url\":").post("/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        as(OWNER.lead()).post("/webhooks/not-a-uuid/secret").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
