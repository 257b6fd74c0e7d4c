package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.need;
import static fi.yhdyspinta.referral.Scenario.nurseIdentifiesNeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;

@ReferralServiceTest
class NeedIdentificationTest {

    private static final String HETU = "131052-9085";

    @Test
    void nurseRecordsNeedThatWaitsForConsentAndAnnouncesItWithoutPersonalData() {
        String referralId = nurseIdentifiesNeed(HETU)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("status", equalTo("AWAITING_CONSENT"))
                .extract().path("referralId");

        as(TestUsers.NURSE).get("/referrals/" + referralId).then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("senderOrganisation", equalTo(TestUsers.HEALTH_CENTRE))
                .body("receiverOrganisation", equalTo(TestUsers.SOCIAL_SERVICES));

        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(
                TestInfrastructure.get().kafka().bootstrapServers(), List.of(EventType.NEED_IDENTIFIED.topic()),
                rs -> rs.stream().anyMatch(r -> r.value().contains(referralId)), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(referralId))
                .findFirst().orElseThrow(() -> new AssertionError("no need-identified event for " + referralId));
        JsonNode event = TestEvents.tree(record.value());
        assertThat(EventSchemas.eventErrors(event)).isEmpty();
        assertThat(event.path("type").asText()).isEqualTo(EventType.NEED_IDENTIFIED.type());
        assertThat(record.key()).isEqualTo(event.path("subject").asText()).matches("[0-9a-f]{64}");
        assertThat(record.value()).doesNotContain(HETU)
                .doesNotContainPattern(PersonalDataScan.henkilotunnusOrBirthDate("131052"));
    }

    @Test
    void invalidHenkilotunnusIsRejectedNamingTheField() {
        as(TestUsers.NURSE).body(need("131052-9086", TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://yhdyspinta.fi/problems/validation"))
                .body("errors.field", hasItem("client"));
    }

    @Test
    void impossibleDateAndUnknownCenturySignAreRejected() {
        as(TestUsers.NURSE).body(need("310290-900P", TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(400).body("errors.field", hasItem("client"));
        as(TestUsers.NURSE).body(need("010190G900P", TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(400).body("errors.field", hasItem("client"));
    }

    @Test
    void problemNeverEchoesTheHenkilotunnus() {
        String body = as(TestUsers.NURSE).body(need("131052-9086", TestUsers.SOCIAL_SERVICES)).post("/needs")
                .then().statusCode(400).extract().asString();
        assertThat(body).doesNotContain("131052");
    }

    @Test
    void unknownCodeAndMalformedJsonAreClientErrors() {
        as(TestUsers.NURSE).body("{\"client\":\"131052-9085\",\"category\":\"SOMETHING\",\"targetSector\":\"SOCIAL\","
                + "\"targetOrganisation\":\"1.2.246.10.2345678.20.1\",\"urgency\":\"ROUTINE\"}")
                .post("/needs").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        as(TestUsers.NURSE).body("{\"client\":").post("/needs").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMalformedIdIsAClientErrorNamingTheParameter() {
        as(TestUsers.NURSE).get("/referrals/not-a-uuid").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
        as(TestUsers.NURSE).get("/referrals/" + java.util.UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void organisationMustBeAnOid() {
        as(TestUsers.NURSE).body(need(HETU, "Kittilän sosiaalipalvelut")).post("/needs").then()
                .statusCode(400).body("errors.field", hasItem("targetOrganisation"));
    }

    @Test
    void withoutTokenTheAnswerIs401Problem() {
        given().contentType(ContentType.JSON).body(need(HETU, TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", equalTo("https://yhdyspinta.fi/problems/unauthenticated"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        given().auth().oauth2(TestInfrastructure.get().oidc().forgedToken(TestUsers.NURSE))
                .contentType(ContentType.JSON).body(need(HETU, TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void clientRoleCannotRecordNeeds() {
        as(TestUsers.CLIENT).body(need(HETU, TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(403);
    }

    @Test
    void anOrganisationThatIsNeitherSenderNorReceiverDoesNotSeeTheReferral() {
        String referralId = nurseIdentifiesNeed(HETU).statusCode(201).extract().path("referralId");
        as(TestUsers.NGO_WORKER).get("/referrals/" + referralId).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
