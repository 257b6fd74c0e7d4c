package fi.yhdyspinta.careplan;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared steps of joint assessment and overview scenarios: who calls, the requests, what travels on Kafka. */
final class Scenario {

    private static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private Scenario() {
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user)).contentType(ContentType.JSON);
    }

    /** A fresh valid test henkilötunnus (individual number 900–999), so that scenarios do not share clients. */
    static String newTestHetu() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String date = "%02d%02d%02d".formatted(random.nextInt(1, 29), random.nextInt(1, 13), random.nextInt(0, 100));
        String individual = String.valueOf(random.nextInt(900, 1000));
        char check = CHECK_CHARACTERS.charAt((int) (Long.parseLong(date + individual) % 31));
        return date + "-" + individual + check;
    }

    static Map<String, Object> invitation(String hetu, String invitedOrganisation, OffsetDateTime deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", hetu);
        body.put("invitedOrganisation", invitedOrganisation);
        if (deadline != null) {
            body.put("deadline", deadline.toString());
        }
        return body;
    }

    /** The social worker of Kittilän sosiaalipalvelut invites Kittilän terveyskeskus (deadline in a week). */
    static ValidatableResponse socialWorkerInvitesHealthCentre(String hetu) {
        return as(TestUsers.SOCIAL_WORKER)
                .body(invitation(hetu, TestUsers.HEALTH_CENTRE, inDays(7)))
                .post("/joint-assessments").then();
    }

    /** The social worker of Kittilän sosiaalipalvelut invites several organisations at once (deadline in a week). */
    static ValidatableResponse socialWorkerInvites(String hetu, List<String> organisations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", hetu);
        body.put("invitedOrganisations", organisations);
        body.put("deadline", inDays(7).toString());
        return as(TestUsers.SOCIAL_WORKER).body(body).post("/joint-assessments").then();
    }

    static Map<String, Object> acknowledgement(String participant, OffsetDateTime scheduledAt) {
        return Map.of("participant", participant, "scheduledAt", scheduledAt.toString());
    }

    static ValidatableResponse acknowledge(TestUser user, String assessmentId, String participant) {
        return as(user).body(acknowledgement(participant, inDays(3)))
                .post("/joint-assessments/" + assessmentId + "/acknowledge").then();
    }

    /** The texts of a JSON array (e.g. an event's organisation list). */
    static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0);
    }

    /** The events of the type whose value mentions {@code id}, once at least one is on the family topic. */
    static List<ConsumerRecord<String, String>> eventsAbout(EventType type, String id) {
        return TestEvents.readAbout(type, id, Duration.ofSeconds(20));
    }

    static ConsumerRecord<String, String> eventAbout(EventType type, String id) {
        return eventsAbout(type, id).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.topic() + " event about " + id));
    }
}
