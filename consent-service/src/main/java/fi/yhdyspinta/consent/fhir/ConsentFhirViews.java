package fi.yhdyspinta.consent.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentStatus;
import fi.yhdyspinta.platform.fhir.Capabilities;
import fi.yhdyspinta.platform.fhir.Fhir;

/** The read views: resources that name organisations by OID identifiers (no Organization resources alongside). */
public final class ConsentFhirViews {

    private static final Date PUBLISHED = new Date(1795564800000L); // 2026-11-25

    private ConsentFhirViews() {
    }

    public static org.hl7.fhir.r4.model.Consent consent(Consent consent, Reference patient) {
        return ConsentFhir.consent(consent, patient, Fhir::organisation);
    }

    /** Who recorded it, and who revoked it (by role: the organisation or the client), each with its own id. */
    public static List<Provenance> provenances(Consent consent, Reference patient) {
        Reference target = new Reference("Consent/" + consent.id);
        List<Provenance> provenances = new ArrayList<>();
        Reference author = consent.recordedByClient() ? patient.copy() : Fhir.organisation(consent.recordedByOrganisation);
        Provenance recorded = ConsentFhir.provenance(consent, target, author, false);
        recorded.setId(Fhir.urn("provenance:" + consent.id + ":recorded").substring("urn:uuid:".length()));
        provenances.add(recorded);
        if (consent.status == ConsentStatus.REVOKED && consent.revokedAt != null) {
            Reference revoker = Consent.BY_CLIENT.equals(consent.revokedBy) ? patient.copy() : new Reference()
                    .setType("Practitioner").setDisplay("professional");
            Provenance revoked = ConsentFhir.provenance(consent, target.copy(), revoker, true);
            revoked.setId(Fhir.urn("provenance:" + consent.id + ":revoked").substring("urn:uuid:".length()));
            provenances.add(revoked);
        }
        return provenances;
    }

    public static CapabilityStatement capabilities() {
        CapabilityStatement statement = Capabilities.readOnlyServer(PUBLISHED, "YhdyspintaConsentService",
                "Yhdyspinta consent-service FHIR read views",
                "consent-service: consents (suostumukset) as FHIR R4, read-only");
        CapabilityStatement.CapabilityStatementRestResourceComponent consent = Capabilities.searchedByPatient(
                statement, "Consent", true, "");
        consent.addSearchParam().setName("_id").setType(SearchParamType.TOKEN)
                .setDocumentation("one consent with its Provenance");
        consent.addSearchRevInclude("Provenance:target");
        Capabilities.searchedByPatient(statement, "AuditEvent", false,
                "; the unit lead's own organisation's acts");
        return statement;
    }
}
