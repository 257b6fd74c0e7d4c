package fi.yhdyspinta.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.PlatformTest;
import fi.yhdyspinta.platform.client.ClientId;

/**
 * A correction (a revocation of a consent) is the same document id with version + 1: it comes after the archive's
 * cursor, names the version it replaces, and the replaced version leaves the feed — still readable with ?version=.
 */
@PlatformTest
class ACorrectionReplacesThePreviousVersion {

    @Inject
    ArchiveFixture fixture;

    @Test
    void versionTwoReplacesVersionOne() {
        UUID id = UUID.randomUUID();
        ClientId client = ArchiveFixture.newClient();
        ArchivedVersion one = fixture.record(ArchiveFixture.draft(id, client, ArchiveRegister.HEALTH, "active"));
        long cursor = one.cursor();
        ArchivedVersion two = fixture.record(ArchiveFixture.draft(id, client, ArchiveRegister.HEALTH, "inactive"));
        assertThat(two.version()).isEqualTo(2);
        assertThat(two.replacesVersion()).isEqualTo(1);
        assertThat(two.cursor()).isGreaterThan(cursor);

        List<Map<String, Object>> after = ArchiveFixture.asArchive().get("/archive/documents?after=" + cursor)
                .then().statusCode(200).extract().jsonPath().getList("documents");
        assertThat(after).filteredOn(d -> id.toString().equals(d.get("id"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("version", 2).containsEntry("replacesVersion", 1));
        List<Map<String, Object>> whole = ArchiveFixture.asArchive().get("/archive/documents?after=" + (cursor - 1))
                .then().statusCode(200).extract().jsonPath().getList("documents");
        assertThat(whole).filteredOn(d -> id.toString().equals(d.get("id"))).as("only the latest version is listed")
                .extracting(d -> d.get("version")).containsExactly(2);

        assertThat(ArchiveFixture.asArchive().get("/archive/documents/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").extract().asString()).contains("\"status\":\"inactive\"");
        assertThat(ArchiveFixture.asArchive().get("/archive/documents/" + id + "?version=1").then().statusCode(200)
                .header("ETag", "\"1\"").extract().asString()).contains("\"status\":\"active\"");
    }
}
