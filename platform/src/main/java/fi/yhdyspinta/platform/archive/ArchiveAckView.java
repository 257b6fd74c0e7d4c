package fi.yhdyspinta.platform.archive;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The answer to an acknowledgement; the same for a repeated one. */
public record ArchiveAckView(UUID id, int version, String archiveId, OffsetDateTime acknowledgedAt) {
}
