package fi.yhdyspinta.consent.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.ConsentStatus;
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
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(PUBLISHED);
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.setName("YhdyspintaConsentService");
        statement.setTitle("Yhdyspinta consent-service FHIR read views");
        statement.getImplementation().setDescription("consent-service: consents (suostumukset) as FHIR R4, read-only");
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OIDC bearer token; the authorization of the REST API (DESIGN §7)");
        CapabilityStatement.CapabilityStatementRestResourceComponent consent = rest.addResource().setType("Consent");
        consent.addInteraction().setCode(TypeRestfulInteraction.READ);
        consent.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        consent.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("by identifier: urn:oid:1.2.246.21|<henkilötunnus>");
        consent.addSearchParam().setName("_id").setType(SearchParamType.TOKEN)
                .setDocumentation("one consent with its Provenance");
        consent.addSearchRevInclude("Provenance:target");
        CapabilityStatement.CapabilityStatementRestResourceComponent audit = rest.addResource().setType("AuditEvent");
        audit.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        audit.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("by identifier: urn:oid:1.2.246.21|<henkilötunnus>; the unit lead's own organisation's acts");
        return statement;
    }
}
