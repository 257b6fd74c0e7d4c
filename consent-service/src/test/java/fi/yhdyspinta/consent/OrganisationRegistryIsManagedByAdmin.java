package fi.yhdyspinta.consent;

import static fi.yhdyspinta.consent.Scenario.PROBLEM;
import static fi.yhdyspinta.consent.Scenario.as;
import static fi.yhdyspinta.consent.Scenario.bootstrap;
import static fi.yhdyspinta.consent.Scenario.client;
import static fi.yhdyspinta.consent.Scenario.decision;
import static fi.yhdyspinta.consent.Scenario.newHetu;
import static fi.yhdyspinta.consent.Scenario.statutoryDecision;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.EventSchemas;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * DESIGN §7: the organisation registry (OID, name, sector, municipality, active) is read by
 * professionals and managed by {@code admin}; every change bumps the version and is announced as
 * organisation-changed keyed by the OID. The test profile seeds the demo organisations.
 */
@ConsentServiceTest
class OrganisationRegistryIsManagedByAdmin {

    private static String newOid() {
        return "1.2.246.10.99" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".1";
    }

    private static Map<String, Object> organisation(String name, String sector, String municipality, boolean active) {
        return Map.of("name", name, "sector", sector, "municipality", municipality, "active", active);
    }

    /** The organisation-changed records of the OID, read until one of the version arrives; contract checked. */
    private static List<JsonNode> changes(String oid, long version) {
        Predicate<ConsumerRecord<String, String>> ofOid = r -> oid.equals(r.key());
        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrap(),
                List.of(EventType.ORGANISATION_CHANGED.topic()),
                read -> read.stream().filter(ofOid).anyMatch(r -> TestEvents.tree(r.value()).path("data")
                        .path("version").asLong() == version),
                Duration.ofSeconds(30));
        return records.stream().filter(ofOid).map(r -> {
            JsonNode event = TestEvents.tree(r.value());
            assertThat(EventSchemas.eventErrors(event)).isEmpty();
            assertThat(event.path("type").asText()).isEqualTo(EventType.ORGANISATION_CHANGED.type());
            assertThat(event.path("subject").asText()).isEqualTo(oid);
            return event.path("data");
        }).toList();
    }

    @Test
    void theDemoOrganisationsAreSeededAndAnnounced() {
        as(TestUsers.NURSE).get("/organisations").then()
                .statusCode(200)
                .body("oid", hasItems(TestUsers.HEALTH_CENTRE, TestUsers.SOCIAL_SERVICES, TestUsers.CHILD_WELFARE,
                        TestUsers.NGO, TestUsers.CENTRAL_HOSPITAL, TestUsers.CLOSED_CLINIC));
        as(TestUsers.NGO_WORKER).get("/organisations/" + TestUsers.CHILD_WELFARE).then()
                .statusCode(200)
                .body("sector", equalTo("SOCIAL"))
                .body("name", equalTo("Lapin lastensuojelu"))
                .body("active", equalTo(true));
        as(TestUsers.NURSE).get("/organisations/" + TestUsers.CLOSED_CLINIC).then()
                .statusCode(200).body("active", equalTo(false));

        List<JsonNode> announced = changes(TestUsers.HEALTH_CENTRE, 1);
        assertThat(announced).isNotEmpty().first().satisfies(data -> {
            assertThat(data.path("sector").asText()).isEqualTo("HEALTH");
            assertThat(data.path("municipality").asText()).isEqualTo("261");
            assertThat(data.has("name")).isFalse();
        });
    }

    @Test
    void theRegistryIsFilteredBySectorAndMunicipality() {
        as(TestUsers.SOCIAL_WORKER).queryParam("sector", "SOCIAL").get("/organisations").then()
                .statusCode(200)
                .body("sector", everyItem(equalTo("SOCIAL")))
                .body("oid", hasItems(TestUsers.SOCIAL_SERVICES, TestUsers.CHILD_WELFARE));
        as(TestUsers.SOCIAL_WORKER).queryParam("municipality", "261").get("/organisations").then()
                .statusCode(200)
                .body("municipality", everyItem(equalTo("261")))
                .body("oid", not(hasItem(TestUsers.CHILD_WELFARE)));
        as(TestUsers.SOCIAL_WORKER).queryParam("sector", "HOSPITAL").get("/organisations").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("sector"));
        as(TestUsers.SOCIAL_WORKER).queryParam("municipality", "Kittilä").get("/organisations").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("municipality"));
        as(TestUsers.NURSE).get("/organisations/" + newOid()).then().statusCode(404).contentType(PROBLEM);
        as(TestUsers.NURSE).get("/organisations/THL").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("oid"));
    }

    @Test
    void onlyAdminChangesTheRegistry() {
        String oid = newOid();
        Map<String, Object> body = organisation("Uusi järjestö ry", "NGO", "698", true);
        for (var user : List.of(TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.UNIT_LEAD, TestUsers.OPS)) {
            as(user).body(body).put("/organisations/" + oid).then().statusCode(403).contentType(PROBLEM);
        }
        as(client(newHetu())).body(body).put("/organisations/" + oid).then().statusCode(403);
        given().contentType("application/json").body(body).put("/organisations/" + oid).then().statusCode(401);
        for (var user : List.of(TestUsers.OPS, TestUsers.ARCHIVE, client(newHetu()))) {
            as(user).get("/organisations").then().statusCode(403);
        }
        as(TestUsers.NURSE).get("/organisations/" + oid).then().statusCode(404);
    }

    @Test
    void aChangeBumpsTheVersionAndIsAnnouncedKeyedByTheOid() {
        String oid = newOid();
        as(TestUsers.ADMIN).body(organisation("Rovaniemen perhekeskus", "SOCIAL", "698", true))
                .put("/organisations/" + oid).then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/organisations/" + oid))
                .body("oid", equalTo(oid))
                .body("version", equalTo(1));
        // the same state again is no change
        as(TestUsers.ADMIN).body(organisation("Rovaniemen perhekeskus", "SOCIAL", "698", true))
                .put("/organisations/" + oid).then().statusCode(200).body("version", equalTo(1));
        // a new social-care organisation is a recipient at once: LSL 25 § reaches it
        String hetu = newHetu();
        as(TestUsers.NURSE).body(statutoryDecision(hetu, oid, "REFERRAL", List.of("NEED_SUMMARY"), "LSL_25"))
                .post("/consent-decisions").then().statusCode(201).body("outcome", equalTo("PERMIT_STATUTORY"));

        as(TestUsers.ADMIN).body(organisation("Rovaniemen perhekeskus", "SOCIAL", "698", false))
                .put("/organisations/" + oid).then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("version", equalTo(2));

        List<JsonNode> announced = changes(oid, 2);
        assertThat(announced).extracting(d -> d.path("version").asLong()).containsExactly(1L, 2L);
        assertThat(announced.get(1).path("active").asBoolean()).isFalse();
        // inactive: no longer a recipient
        as(TestUsers.NURSE).body(decision(hetu, oid, "REFERRAL", List.of("NEED_SUMMARY")))
                .post("/consent-decisions").then().statusCode(400).body("errors.field", hasItem("recipientOrganisation"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String oid = newOid();
        as(TestUsers.ADMIN).body(organisation("Kunta", "SOCIAL", "26", true)).put("/organisations/" + oid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("municipality"));
        as(TestUsers.ADMIN).body(organisation("Kunta", "HOSPITAL", "261", true)).put("/organisations/" + oid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("sector"));
        as(TestUsers.ADMIN).body(organisation(" ", "SOCIAL", "261", true)).put("/organisations/" + oid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        as(TestUsers.ADMIN).body(Map.of("name", "Kunta", "sector", "SOCIAL", "municipality", "261"))
                .put("/organisations/" + oid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("active"));
        as(TestUsers.ADMIN).body(organisation("Kunta", "SOCIAL", "261", true)).put("/organisations/THL").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("oid"));
        as(TestUsers.NURSE).get("/organisations/" + oid).then().statusCode(404);
    }
}
