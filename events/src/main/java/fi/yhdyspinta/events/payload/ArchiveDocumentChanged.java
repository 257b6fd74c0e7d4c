package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * An archive document (Kanta-style) is ready for the archive, or is overdue: not acknowledged by the archive
 * within its deadline. Ids and codes only — the document itself (with the henkilötunnus) is pulled by the
 * archive over REST, never carried on Kafka. {@code replacesVersion} is the version a correction replaces.
 */
public record ArchiveDocumentChanged(
        String documentId,
        int version,
        Integer replacesVersion,
        String kind,
        String register,
        String authorOrganisation,
        String clientId,
        OffsetDateTime createdAt,
        OffsetDateTime ackDeadline) {
}
