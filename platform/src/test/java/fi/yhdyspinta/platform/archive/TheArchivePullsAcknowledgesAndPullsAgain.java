package fi.yhdyspinta.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.platform.client.ClientId;
import io.restassured.path.json.JsonPath;

/**
 * Regional IT pulls the feed after its cursor, pulls each document (the same bytes every time), acknowledges it with
 * its archive id (idempotent; another id for the same version is a conflict), and pulling again after the new cursor
 * brings nothing new.
 */
@PlatformTest
class TheArchivePullsAcknowledgesAndPullsAgain {

    @Inject
    ArchiveFixture fixture;

    @Test
    void pullAckPullAgainNothingNewRepullIdentical() {
        long start = ArchiveFixture.asArchive().get("/archive/documents?after=0&limit=500").then().statusCode(200)
                .extract().jsonPath().getLong("next");
        long before = lastCursor(start);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ClientId client = ArchiveFixture.newClient();
        ArchivedVersion one = fixture.record(ArchiveFixture.draft(first, client, ArchiveRegister.HEALTH, "active"));
        fixture.record(ArchiveFixture.draft(second, client, ArchiveRegister.SOCIAL, "active"));

        JsonPath page = ArchiveFixture.asArchive().get("/archive/documents?after=" + before + "&limit=500")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> documents = page.getList("documents");
        assertThat(documents).extracting(d -> d.get("id")).containsExactly(first.toString(), second.toString());
        assertThat(documents.get(0)).containsEntry("version", 1).containsEntry("register", "HEALTH")
                .containsEntry("kind", "CONSENT").containsEntry("authorOrganisation", ArchiveFixture.HEALTH_CENTRE)
                .containsEntry("cursor", (int) one.cursor()).doesNotContainKey("clientId");
        long next = page.getLong("next");

        JsonPath health = ArchiveFixture.asArchive().get("/archive/documents?after=" + before + "&register=HEALTH")
                .then().statusCode(200).extract().jsonPath();
        assertThat(health.getList("documents.id")).containsExactly(first.toString());

        String pulled = ArchiveFixture.asArchive().accept("application/fhir+json").get("/archive/documents/" + first)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        assertThat(pulled).contains("\"resourceType\":\"Bundle\"", ArchiveFixture.HETU);

        ArchiveFixture.asArchive().contentType("application/json")
                .body(Map.of("archiveId", "kanta-2026-0001", "version", 1))
                .post("/archive/documents/" + first + "/ack")
                .then().statusCode(200).body("archiveId", equalTo("kanta-2026-0001")).body("version", equalTo(1));
        String acknowledgedAt = ArchiveFixture.asArchive().contentType("application/json")
                .body(Map.of("archiveId", "kanta-2026-0001", "version", 1))
                .post("/archive/documents/" + first + "/ack")
                .then().statusCode(200).extract().jsonPath().getString("acknowledgedAt");
        assertThat(ArchiveFixture.asArchive().contentType("application/json")
                .body(Map.of("archiveId", "kanta-2026-0001", "version", 1))
                .post("/archive/documents/" + first + "/ack").then().extract().jsonPath().getString("acknowledgedAt"))
                .as("the same acknowledgement answers the same").isEqualTo(acknowledgedAt);
        ArchiveFixture.asArchive().contentType("application/json")
                .body(Map.of("archiveId", "kanta-2026-9999", "version", 1))
                .post("/archive/documents/" + first + "/ack")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(ArchiveFixture.asArchive().get("/archive/documents?after=" + next).then().statusCode(200)
                .extract().jsonPath().getList("documents")).as("nothing new after the cursor").isEmpty();
        assertThat(ArchiveFixture.asArchive().get("/archive/documents?after=" + next).then().extract().jsonPath()
                .getLong("next")).isEqualTo(next);
        String again = ArchiveFixture.asArchive().get("/archive/documents/" + first).then().statusCode(200)
                .extract().asString();
        assertThat(again).as("a re-pull by id is identical").isEqualTo(pulled);
    }

    @Test
    void unknownDocumentsVersionsAndBadParametersAreClientErrors() {
        UUID unknown = UUID.randomUUID();
        ArchiveFixture.asArchive().get("/archive/documents/" + unknown).then().statusCode(404)
                .contentType("application/problem+json");
        ArchiveFixture.asArchive().contentType("application/json").body(Map.of("archiveId", "a-1", "version", 1))
                .post("/archive/documents/" + unknown + "/ack").then().statusCode(404);
        UUID known = UUID.randomUUID();
        fixture.record(ArchiveFixture.draft(known, ArchiveFixture.newClient(), ArchiveRegister.SOCIAL, "active"));
        ArchiveFixture.asArchive().get("/archive/documents/" + known + "?version=2").then().statusCode(404);
        ArchiveFixture.asArchive().get("/archive/documents?register=KANTA").then().statusCode(400)
                .body("errors[0].field", equalTo("register"));
        ArchiveFixture.asArchive().get("/archive/documents?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        ArchiveFixture.asArchive().get("/archive/documents?after=x").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        ArchiveFixture.asArchive().contentType("application/json").body(Map.of("version", 1))
                .post("/archive/documents/" + known + "/ack").then().statusCode(400);
    }

    /** The cursor of the last document in the feed (walks every page). */
    private static long lastCursor(long next) {
        long cursor = next;
        while (true) {
            long after = ArchiveFixture.asArchive().get("/archive/documents?after=" + cursor + "&limit=500")
                    .then().statusCode(200).extract().jsonPath().getLong("next");
            if (after == cursor) {
                return cursor;
            }
            cursor = after;
        }
    }
}
