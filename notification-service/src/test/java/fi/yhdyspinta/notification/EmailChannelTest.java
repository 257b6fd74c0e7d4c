package fi.yhdyspinta.notification;

import static fi.yhdyspinta.notification.Scenario.as;
import static fi.yhdyspinta.notification.Scenario.awaitItem;
import static fi.yhdyspinta.notification.Scenario.awaitRecord;
import static fi.yhdyspinta.notification.Scenario.clientIdOf;
import static fi.yhdyspinta.notification.Scenario.publish;
import static fi.yhdyspinta.notification.Scenario.referral;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.notification.TestMailServer.ReceivedMail;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

/**
 * The e-mail channel against a real SMTP server. An organisation of its own, so that no other test's
 * items send mail to it.
 */
@NotificationServiceTest
class EmailChannelTest {

    private static final String HETU = "131052-9085";
    private static final String CLIENT_ID = clientIdOf(HETU);
    /** Kittilän kotihoito, an organisation only this test uses. */
    private static final String HOME_CARE = "1.2.246.10.2345678.30.7";
    private static final String MAILBOX = "kirjaamo@kotihoito.kittila.example";
    private static final TestUser HOME_CARE_LEAD = new TestUser("homecare-lead", HOME_CARE, "SOCIAL",
            Set.of("professional", "unit-lead"), null);
    private static final TestUser ADMIN = new TestUser("admin", null, null, Set.of("admin"), null);

    @Test
    void enabledEmailChannelSendsOneMailWithoutClientDataAndAnnouncesTheDelivery() {
        as(HOME_CARE_LEAD).body(Map.of("email", MAILBOX, "emailEnabled", true))
                .put("/organisations/" + HOME_CARE + "/channels").then()
                .statusCode(200)
                .body("organisation", equalTo(HOME_CARE))
                .body("email", equalTo(MAILBOX))
                .body("emailEnabled", equalTo(true));

        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                referral(referralId, CLIENT_ID, TestUsers.HEALTH_CENTRE, HOME_CARE, "SENT", "AWAITING_CONSENT"));
        String notificationId = (String) awaitItem(HOME_CARE_LEAD, "referralId", referralId, "REFERRAL_RECEIVED")
                .get("id");

        ConsumerRecord<String, String> delivered = awaitRecord(EventType.NOTIFICATION_DELIVERED,
                e -> notificationId.equals(e.path("data").path("notificationId").asText())
                        && "EMAIL".equals(e.path("data").path("channel").asText()),
                Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no notification-delivered (EMAIL) for " + notificationId));
        JsonNode event = TestEvents.tree(delivered.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("type").asText()).isEqualTo(EventType.NOTIFICATION_DELIVERED.type());
        assertThat(event.path("data").path("recipientOrganisation").asText()).isEqualTo(HOME_CARE);
        assertThat(event.path("data").path("notificationType").asText()).isEqualTo("REFERRAL_RECEIVED");
        assertThat(delivered.key()).isEqualTo(CLIENT_ID);
        assertThat(delivered.value()).doesNotContain(HETU);

        List<ReceivedMail> mails = TestMailServer.get().mailsTo(MAILBOX);
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.subject()).contains("REFERRAL_RECEIVED");
        assertThat(mail.body()).contains(notificationId)
                .doesNotContain(CLIENT_ID)
                .doesNotContain(HETU)
                .doesNotContainPattern(PersonalDataScan.henkilotunnusOrBirthDate("131052"))
                .doesNotContain(referralId);
        assertThat(mail.subject()).doesNotContain(CLIENT_ID).doesNotContain(HETU);
    }

    @Test
    void badChannelBodiesAreRejectedNamingTheField() {
        String path = "/organisations/" + HOME_CARE + "/channels";
        as(HOME_CARE_LEAD).body(Map.of("email", "not-an-address", "emailEnabled", true)).put(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("email"));
        as(HOME_CARE_LEAD).body(Map.of("email", MAILBOX)).put(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("emailEnabled"));
        as(HOME_CARE_LEAD).body(Map.of("emailEnabled", true)).put(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        as(HOME_CARE_LEAD).body("{\"email\":").put(path).then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(HOME_CARE_LEAD).body(Map.of("email", MAILBOX, "emailEnabled", true))
                .put("/organisations/kittilan-kotihoito/channels").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("oid"));
    }

    @Test
    void onlyTheOwnOrganisationsUnitLeadOrAnAdminSetsChannels() {
        Map<String, Object> body = Map.of("email", "kirjaamo@sos.kittila.example", "emailEnabled", false);
        as(HOME_CARE_LEAD).body(body).put("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels").then()
                .statusCode(403).contentType("application/problem+json");
        as(TestUsers.SOCIAL_WORKER).body(body).put("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .put("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels").then()
                .statusCode(401).contentType("application/problem+json");
        as(ADMIN).body(body).put("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels").then()
                .statusCode(200)
                .body("organisation", equalTo(TestUsers.SOCIAL_SERVICES))
                .body("emailEnabled", equalTo(false));

        as(ADMIN).get("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels").then()
                .statusCode(200).body("email", equalTo("kirjaamo@sos.kittila.example"));
        as(HOME_CARE_LEAD).get("/organisations/" + TestUsers.SOCIAL_SERVICES + "/channels").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void disabledChannelSendsNoMail() {
        String ngoMailbox = "toimisto@lapinmt.example";
        TestUser ngoLead = new TestUser("ngo-lead", TestUsers.NGO, "NGO", Set.of("ngo-worker", "unit-lead"), null);
        as(ngoLead).body(Map.of("email", ngoMailbox, "emailEnabled", false))
                .put("/organisations/" + TestUsers.NGO + "/channels").then().statusCode(200);

        String referralId = UUID.randomUUID().toString();
        publish(EventType.REFERRAL_SENT, CLIENT_ID,
                referral(referralId, CLIENT_ID, TestUsers.SOCIAL_SERVICES, TestUsers.NGO, "SENT", "AWAITING_CONSENT"));
        awaitItem(TestUsers.NGO_WORKER, "referralId", referralId, "REFERRAL_RECEIVED");

        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMailServer.get().mailsTo(ngoMailbox).isEmpty());
    }
}
