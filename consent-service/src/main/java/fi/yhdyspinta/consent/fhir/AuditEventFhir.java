package fi.yhdyspinta.consent.fhir;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.consent.rest.AuditRecordView;
import fi.yhdyspinta.platform.fhir.Fhir;

/**
 * An audit record (DESIGN §8) as a FHIR R4 {@code AuditEvent}: a RESTful operation (type rest) with its CRUDE action,
 * time, outcome (0 success, 4 refused), the acting account and organisation, the service that recorded it (source),
 * the object acted on and the client (entities). Codes and ids only, as the record itself.
 */
public final class AuditEventFhir {

    static final String ACCOUNT_SYSTEM = "https://yhdyspinta.fi/fhir/sid/account";
    static final String SERVICE_SYSTEM = "https://yhdyspinta.fi/fhir/sid/service";
    static final String AUDIT_ACTION_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/audit-action";
    static final String ROLE_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/role";

    private AuditEventFhir() {
    }

    public static AuditEvent auditEvent(AuditRecordView record, Reference patient) {
        AuditEvent event = new AuditEvent();
        event.setId(record.id().toString());
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "Restful Operation"));
        event.addSubtype(new Coding(AUDIT_ACTION_SYSTEM, record.action().name(), null));
        event.setAction(switch (record.action()) {
            case CREATE -> AuditEventAction.C;
            case READ, LIST -> AuditEventAction.R;
            case UPDATE, DECIDE, REVOKE -> AuditEventAction.U;
            case DELETE -> AuditEventAction.D;
            case EXPORT -> AuditEventAction.E;
        });
        event.setRecordedElement(new InstantType(Fhir.date(record.at())));
        event.setOutcome(record.outcome() == fi.yhdyspinta.events.code.AuditOutcome.PERMITTED
                ? AuditEventOutcome._0 : AuditEventOutcome._4);
        if (record.refusalStatus() != null) {
            event.setOutcomeDesc("refused: " + record.refusalStatus());
        }
        if (record.purpose() != null) {
            event.addPurposeOfEvent().addCoding(new Coding(Fhir.PURPOSE_SYSTEM, record.purpose().name(), null));
        }
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true)
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(ACCOUNT_SYSTEM)
                        .setValue(record.actorSub())));
        agent.addRole().addCoding(new Coding(ROLE_SYSTEM, record.actorRole(), null));
        if (record.actorOrganisation() != null) {
            event.addAgent().setRequestor(false).setWho(Fhir.organisation(record.actorOrganisation()));
        }
        event.getSource().setObserver(new Reference().setIdentifier(new Identifier().setSystem(SERVICE_SYSTEM)
                .setValue(record.service())));
        if (record.resourceId() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier()
                    .setSystem("https://yhdyspinta.fi/fhir/sid/" + record.resourceType().name().toLowerCase()
                            .replace('_', '-'))
                    .setValue(record.resourceId())));
        }
        event.addEntity().setWhat(patient.copy())
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
        return event;
    }
}
