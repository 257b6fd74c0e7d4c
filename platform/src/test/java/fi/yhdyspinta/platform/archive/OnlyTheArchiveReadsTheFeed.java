package fi.yhdyspinta.platform.archive;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** Role archive reads documents only; every other role gets 403 problem+json on the feed, a document and an ack. */
@PlatformTest
class OnlyTheArchiveReadsTheFeed {

    @Inject
    ArchiveFixture fixture;

    @Test
    void everyOtherRoleIsForbidden() {
        UUID id = UUID.randomUUID();
        fixture.record(ArchiveFixture.draft(id, ArchiveFixture.newClient(), ArchiveRegister.HEALTH, "active"));
        for (TestUser user : new TestUser[] { TestUsers.NURSE, TestUsers.SOCIAL_WORKER, TestUsers.UNIT_LEAD,
                TestUsers.OPS, TestUsers.CLIENT, TestUsers.AUDITOR, TestUsers.ADMIN }) {
            ArchiveFixture.as(user).get("/archive/documents").then().statusCode(403)
                    .contentType("application/problem+json");
            ArchiveFixture.as(user).get("/archive/documents/" + id).then().statusCode(403)
                    .contentType("application/problem+json");
            ArchiveFixture.as(user).contentType("application/json").body(Map.of("archiveId", "x-1", "version", 1))
                    .post("/archive/documents/" + id + "/ack").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/archive/documents").then().statusCode(401).contentType("application/problem+json");
    }
}
