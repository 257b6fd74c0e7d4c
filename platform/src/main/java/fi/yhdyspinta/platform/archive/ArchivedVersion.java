package fi.yhdyspinta.platform.archive;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One recorded version of an archive document: what the feed lists (no client data). */
public record ArchivedVersion(UUID id, int version, Integer replacesVersion, String register, String kind,
        String authorOrganisation, OffsetDateTime createdAt, long cursor) {
}
