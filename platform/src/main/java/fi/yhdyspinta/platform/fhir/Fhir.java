package fi.yhdyspinta.platform.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.context.FhirContext;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.problem.ProblemException;

/**
 * FHIR R4 at a service's boundary only (HAPI model classes never become entities): identifier systems, code
 * systems, references and JSON. The client's henkilötunnus is an identifier of system {@value #HETU_SYSTEM}.
 */
public final class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";
    /** Henkilötunnus (personal identity code). */
    public static final String HETU_SYSTEM = "urn:oid:1.2.246.21";
    /** The pseudonymous client id of the suite (HMAC of the henkilötunnus): what a read view names instead. */
    public static final String CLIENT_ID_SYSTEM = "https://yhdyspinta.fi/fhir/sid/client-id";
    /** Palvelutapahtuma: the service event a document belongs to. */
    public static final String SERVICE_EVENT_SYSTEM = "https://yhdyspinta.fi/fhir/sid/service-event";
    public static final String PURPOSE_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/purpose";
    public static final String DATA_CATEGORY_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/data-category";
    public static final String NEED_CATEGORY_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/need-category";
    public static final String OUTCOME_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/referral-outcome";
    public static final String DECLINE_REASON_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/decline-reason";
    public static final String TASK_OUTPUT_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/task-output";
    public static final String REFERRAL_SYSTEM = "https://yhdyspinta.fi/fhir/sid/referral";
    public static final String LOINC = "http://loinc.org";
    public static final String URI = "urn:ietf:rfc:3986";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    public static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
    }

    /** The same uuid for the same name: a bundle built twice from the same data is the same. */
    /** A FHIR answer: the resource as FHIR JSON, {@code application/fhir+json}. */
    public static jakarta.ws.rs.core.Response response(IBaseResource resource) {
        return jakarta.ws.rs.core.Response.ok(json(resource), MEDIA_TYPE).build();
    }

    public static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static Identifier oid(String oid) {
        return new Identifier().setSystem(URI).setValue("urn:oid:" + oid);
    }

    public static Reference hetu(String hetu) {
        return new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(HETU_SYSTEM).setValue(hetu));
    }

    public static Reference pseudonym(String clientId) {
        return new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(clientId));
    }

    /** An organisation named by its OID (a read view: no Organization resource alongside). */
    public static Reference organisation(String oid) {
        return new Reference().setType("Organization").setIdentifier(oid(oid));
    }

    public static Organization organization(String oid, String name, boolean active) {
        Organization organization = new Organization();
        organization.addIdentifier(oid(oid));
        organization.setActive(active);
        if (name != null) {
            organization.setName(name);
        }
        return organization;
    }

    public static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    /**
     * {@code urn:oid:1.2.246.21|<henkilötunnus>} (the system may be left out): a valid henkilötunnus, else 400
     * naming the parameter (the {@code ?patient=} of every read view).
     */
    public static String patientHetu(String patient) {
        if (patient == null || patient.isEmpty()) {
            throw ProblemException.invalidField("patient", "required: urn:oid:1.2.246.21|<henkilötunnus>");
        }
        String value = patient;
        int bar = patient.indexOf('|');
        if (bar >= 0) {
            if (!Fhir.HETU_SYSTEM.equals(patient.substring(0, bar))) {
                throw ProblemException.invalidField("patient", "the identifier system must be urn:oid:1.2.246.21");
            }
            value = patient.substring(bar + 1);
        }
        if (!Henkilotunnus.isValid(value)) {
            throw ProblemException.invalidField("patient", "not a valid henkilötunnus");
        }
        return value;
    }

    public static Date date(java.time.OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
