package fi.yhdyspinta.platform.archive;

import java.util.List;

/**
 * A page of the archive feed: the documents after the cursor, in cursor order (only the latest version of each
 * document), and {@code next}, the cursor to ask after next time (the same as asked when nothing is new).
 */
public record ArchiveFeedPage(List<ArchivedVersion> documents, long next) {
}
