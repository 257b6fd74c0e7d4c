package fi.yhdyspinta.platform.archive;

import java.util.Objects;
import java.util.UUID;

import fi.yhdyspinta.events.code.ArchiveDocumentKind;
import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.client.ClientId;

/**
 * A finished document as the owning service made it, to be recorded for the archive: its id (the same for every
 * version), what it is, the register it belongs to, the service event (palvelutapahtuma), the author organisation,
 * whose it is (pseudonymous), its confidentiality (FHIR v3 Confidentiality: N, R, V), retention class and the FHIR
 * R4 document Bundle as JSON. The bundle's own meta.versionId and identifier are the service's business: the
 * version number is given by {@link ArchiveDocuments#record}.
 */
public record ArchiveDraft(UUID documentId, ArchiveDocumentKind kind, ArchiveRegister register, UUID serviceEventId,
        String authorOrganisation, ClientId clientId, String confidentiality, ArchiveRetention retention,
        String bundleJson) {

    public ArchiveDraft {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(serviceEventId, "serviceEventId");
        Objects.requireNonNull(authorOrganisation, "authorOrganisation");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(bundleJson, "bundleJson");
        if (!authorOrganisation.matches("^1\\.2\\.246\\.10(\\.[0-9]+)+$")) {
            throw new IllegalArgumentException("author organisation must be an OID under 1.2.246.10");
        }
        if (!"N".equals(confidentiality) && !"R".equals(confidentiality) && !"V".equals(confidentiality)) {
            throw new IllegalArgumentException("confidentiality must be N, R or V");
        }
    }
}
