package fi.yhdyspinta.platform.archive;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The archive acknowledges one version of a document with its own id for it (arkistointitunnus). */
public record ArchiveAck(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._:-]{1,128}$", message = "an id: letters, digits, . _ : -, at most 128")
        String archiveId,
        @NotNull @Min(1) Integer version) {
}
