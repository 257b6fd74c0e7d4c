package fi.yhdyspinta.consent.fhir;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.consent.domain.ConsentStatus;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.platform.fhir.Fhir;

/**
 * A consent (suostumus, AsL 16–17 §) as a FHIR R4 {@code Consent}: scope patient-privacy, category LOINC 59284-0,
 * the client as patient, an active consent as a permit provision (OPTIN) for its recipients, purpose and data
 * categories until its last day, a refusal as a deny provision (OPTOUT), a revoked one inactive. Who the references
 * point to is the caller's choice: resources of the same document Bundle, or identifiers in a read view.
 */
public final class ConsentFhir {

    private ConsentFhir() {
    }

    public static Consent consent(fi.yhdyspinta.consent.domain.Consent source, Reference patient,
            Function<String, Reference> organisation) {
        Consent consent = new Consent();
        consent.setId(source.id.toString());
        consent.setStatus(source.status == ConsentStatus.REVOKED ? ConsentState.INACTIVE : ConsentState.ACTIVE);
        consent.setScope(Fhir.concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent"));
        consent.addCategory(Fhir.concept(Fhir.LOINC, "59284-0", "Patient Consent"));
        consent.setPatient(patient.copy());
        consent.setDateTime(Fhir.date(source.recordedAt));
        consent.addPerformer(patient.copy());
        if (source.recordedByOrganisation != null) {
            consent.addOrganization(organisation.apply(source.recordedByOrganisation));
        }
        boolean permit = source.status != ConsentStatus.REFUSED;
        consent.setPolicyRule(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", permit ? "OPTIN" : "OPTOUT",
                permit ? "opt-in" : "opt-out"));
        Consent.ProvisionComponent provision = consent.getProvision();
        provision.setType(permit ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY);
        Period period = new Period().setStartElement(new DateTimeType(Fhir.date(source.recordedAt)));
        // valid through the end of its last day (county time); revoked: until the revocation
        period.setEndElement(source.revokedAt != null ? new DateTimeType(Fhir.date(source.revokedAt))
                : new DateTimeType(source.validUntil.toString()));
        provision.setPeriod(period);
        for (String recipient : source.recipientList()) {
            provision.addActor().setRole(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "IRCP", "information recipient")).setReference(organisation.apply(recipient));
        }
        provision.addPurpose(new Coding(Fhir.PURPOSE_SYSTEM, source.purpose.name(), null));
        for (DataCategory category : source.dataCategorySet()) {
            provision.addCode(new CodeableConcept().addCoding(new Coding(Fhir.DATA_CATEGORY_SYSTEM, category.name(),
                    null)));
        }
        return consent;
    }

    /**
     * Who recorded (or revoked) the consent and when: the organisation that recorded it, or the client themself.
     */
    public static Provenance provenance(fi.yhdyspinta.consent.domain.Consent source, Reference target,
            Reference agent, boolean revocation) {
        Provenance provenance = new Provenance();
        provenance.addTarget(target);
        Date recorded = Fhir.date(revocation ? source.revokedAt : source.recordedAt);
        provenance.setRecordedElement(new InstantType(recorded));
        provenance.setActivity(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                revocation ? "UPDATE" : "CREATE", revocation ? "revise" : "create"));
        provenance.addAgent().setType(Fhir.concept("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "author", "Author")).setWho(agent);
        return provenance;
    }

    static String day(java.time.OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    }
}
