package fi.yhdyspinta.referral;

import static fi.yhdyspinta.referral.Scenario.as;
import static fi.yhdyspinta.referral.Scenario.need;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.OrganisationChanged;
import fi.yhdyspinta.infra.EmbeddedPostgresServer;
import fi.yhdyspinta.testsupport.KafkaRecords;
import fi.yhdyspinta.testsupport.TestEvents;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Sectors come from the organisation registry, never from a request body or a token (DESIGN §7, issue 6
 * point 1): a need's target must be an active organisation of the registry, a given {@code targetSector}
 * must be the registry's, the caller's organisation must be known, and the replica follows
 * consent-service's {@code organisation-changed} — never back to an older version.
 */
@ReferralServiceTest
class TargetOrganisationComesFromTheRegistry {

    private static final String HETU = "131052-9085";

    @Test
    void anUnknownOrAClosedTargetIsRefusedNamingTheField() {
        as(TestUsers.NURSE).body(need(HETU, "1.2.246.10.999999.1")).post("/needs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("targetOrganisation"));
        as(TestUsers.NURSE).body(need(HETU, TestUsers.CLOSED_CLINIC)).post("/needs").then()
                .statusCode(400).body("errors.field", hasItem("targetOrganisation"));
    }

    @Test
    void aTargetSectorOtherThanTheRegistrysIsRefused() {
        as(TestUsers.NURSE).body(need(HETU, TestUsers.NGO, "SOCIAL")).post("/needs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("targetSector"));
        as(TestUsers.NURSE).body(need(HETU, TestUsers.NGO, "NGO")).post("/needs").then().statusCode(201);
    }

    @Test
    void bothSectorsAreTheRegistrysWhateverTheBodyOmitsOrTheTokenClaims() {
        // a health centre professional whose token claims the social sector
        TestUser claimsSocial = new TestUser("nurse-claiming-social", TestUsers.HEALTH_CENTRE, "SOCIAL",
                Set.of("professional", "health-professional"), null);
        String needId = as(claimsSocial).body(need(HETU, TestUsers.CHILD_WELFARE)).post("/needs").then()
                .statusCode(201).extract().path("id");
        as(TestUsers.NURSE).get("/needs/" + needId).then().statusCode(200).body("targetSector", equalTo("SOCIAL"));

        List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrap(),
                List.of(EventType.NEED_IDENTIFIED.topic()), rs -> rs.stream().anyMatch(r -> r.value().contains(needId)),
                Duration.ofSeconds(15));
        JsonNode identified = records.stream().filter(r -> r.value().contains(needId)).findFirst()
                .map(r -> TestEvents.tree(r.value()).path("data"))
                .orElseThrow(() -> new AssertionError("no need-identified for " + needId));
        assertThat(identified.path("sourceSector").asText()).isEqualTo("HEALTH");
        assertThat(identified.path("targetSector").asText()).isEqualTo("SOCIAL");
    }

    @Test
    void aCallerOfAnOrganisationOutsideTheRegistryIsForbidden() {
        TestUser stranger = new TestUser("stranger", "1.2.246.10.424242.1", "HEALTH",
                Set.of("professional", "health-professional"), null);
        as(stranger).body(need(HETU, TestUsers.SOCIAL_SERVICES)).post("/needs").then()
                .statusCode(403).contentType("application/problem+json");
        TestUser closed = new TestUser("closedclinic", TestUsers.CLOSED_CLINIC, "HEALTH",
                Set.of("professional", "health-professional"), null);
        as(closed).body(need(HETU, TestUsers.SOCIAL_SERVICES)).post("/needs").then().statusCode(403);
    }

    @Test
    void theReplicaFollowsOrganisationChangedButNeverAnOlderVersion() throws SQLException {
        String oid = "1.2.246.10.7777." + ThreadLocalRandom.current().nextInt(1, 1_000_000);
        as(TestUsers.NURSE).body(need(HETU, oid)).post("/needs").then().statusCode(400)
                .body("errors.field", hasItem("targetOrganisation"));

        publish(new OrganisationChanged(oid, "NGO", "698", true, 1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE).body(need(HETU, oid))
                .post("/needs").then().statusCode(201));
        as(TestUsers.NURSE).body(need(HETU, oid, "SOCIAL")).post("/needs").then().statusCode(400)
                .body("errors.field", hasItem("targetSector"));

        publish(new OrganisationChanged(oid, "NGO", "698", false, 3));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(TestUsers.NURSE).body(need(HETU, oid))
                .post("/needs").then().statusCode(400).body("errors.field", hasItem("targetOrganisation")));

        // version 2 arrives late: handled, and ignored
        CloudEvent stale = publish(new OrganisationChanged(oid, "SOCIAL", "261", true, 2));
        await().atMost(Duration.ofSeconds(15)).until(() -> processed(stale.id()));
        as(TestUsers.NURSE).body(need(HETU, oid)).post("/needs").then().statusCode(400)
                .body("errors.field", hasItem("targetOrganisation"));
        assertThat(sectorAndVersion(oid)).isEqualTo("NGO/3");
    }

    /** As consent-service's relay publishes it: keyed by the OID, the OID as subject. */
    private static CloudEvent publish(OrganisationChanged change) {
        return TestEvents.publish(EventType.ORGANISATION_CHANGED, change.oid(), change,
                "/yhdyspinta/consent-service");
    }

    private static String bootstrap() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }

    private static boolean processed(String eventId) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select 1 from processed_event where event_id = ?")) {
            query.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String sectorAndVersion(String oid) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select sector, version from organisation where oid = ?")) {
            query.setString(1, oid);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) + "/" + rs.getLong(2) : null;
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("referral"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
