package fi.yhdyspinta.referral.fhir;

import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.fhir.Fhir;
import fi.yhdyspinta.referral.rest.ReferralView;

/**
 * A referral as FHIR R4: the request as a {@code ServiceRequest} (intent order), its fulfilment as a {@code Task}
 * with the Gravity SDOH Clinical Care task statuses (requested, received, accepted, rejected, in-progress, on-hold,
 * completed, cancelled, failed), focus = the ServiceRequest, output = the outcome code and the feedback. Built from
 * what {@code ReferralDisclosure} lets the caller see (a {@link ReferralView}): a withheld field stays out, and a
 * client the caller may not see is masked (data-absent-reason).
 */
public final class ReferralFhir {

    static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    private ReferralFhir() {
    }

    /** The client as the view shows them: the henkilötunnus, else the pseudonymous client id, else masked. */
    public static Reference patient(ReferralView view) {
        if (view.client() != null) {
            return Fhir.hetu(view.client());
        }
        if (view.clientId() != null) {
            return Fhir.pseudonym(view.clientId());
        }
        Reference masked = new Reference();
        masked.addExtension(new Extension(DATA_ABSENT, new CodeType("masked")));
        return masked;
    }

    public static ServiceRequest serviceRequest(ReferralView view, Reference patient,
            Function<String, Reference> organisation) {
        ServiceRequest request = new ServiceRequest();
        request.setId(view.id().toString());
        request.addIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + view.id()));
        request.setStatus(serviceRequestStatus(view.status()));
        request.setIntent(ServiceRequestIntent.ORDER);
        if (view.category() != null) {
            request.addCategory(Fhir.concept(Fhir.NEED_CATEGORY_SYSTEM, view.category().name(), null));
        }
        if (view.urgency() != null) {
            request.setPriority(switch (view.urgency()) {
                case ROUTINE -> ServiceRequestPriority.ROUTINE;
                case URGENT -> ServiceRequestPriority.URGENT;
                case EMERGENCY -> ServiceRequestPriority.STAT;
            });
        }
        request.setSubject(patient.copy());
        if (view.createdAt() != null) {
            request.setAuthoredOn(Fhir.date(view.createdAt()));
        }
        request.setRequester(organisation.apply(view.senderOrganisation()));
        request.addPerformer(organisation.apply(view.receiverOrganisation()));
        return request;
    }

    public static Task task(ReferralView view, Reference focus, Reference patient,
            Function<String, Reference> organisation) {
        Task task = new Task();
        task.setId(view.id().toString());
        task.addIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + view.id()));
        task.setStatus(taskStatus(view.status()));
        task.setIntent(TaskIntent.ORDER);
        task.setCode(Fhir.concept("http://hl7.org/fhir/CodeSystem/task-code", "fulfill",
                "Fulfill the focal request"));
        task.setFocus(focus);
        task.setFor(patient.copy());
        if (view.createdAt() != null) {
            task.setAuthoredOn(Fhir.date(view.createdAt()));
        }
        if (view.updatedAt() != null) {
            task.setLastModified(Fhir.date(view.updatedAt()));
        }
        task.setRequester(organisation.apply(view.senderOrganisation()));
        task.setOwner(organisation.apply(view.receiverOrganisation()));
        if (view.declineReason() != null) {
            task.setStatusReason(Fhir.concept(Fhir.DECLINE_REASON_SYSTEM, view.declineReason().name(), null));
        }
        if (view.outcome() != null) {
            task.addOutput().setType(Fhir.concept(Fhir.TASK_OUTPUT_SYSTEM, "outcome", "Outcome"))
                    .setValue(new CodeableConcept().addCoding(new Coding(Fhir.OUTCOME_SYSTEM, view.outcome().name(),
                            null)));
        }
        if (view.feedback() != null && !view.feedback().isBlank()) {
            task.addOutput().setType(Fhir.concept(Fhir.TASK_OUTPUT_SYSTEM, "feedback", "Feedback (palaute)"))
                    .setValue(new org.hl7.fhir.r4.model.StringType(view.feedback()));
        }
        return task;
    }

    static ServiceRequestStatus serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case AWAITING_CONSENT -> ServiceRequestStatus.DRAFT;
            case SENT, RECEIVED, ACCEPTED, IN_PROGRESS -> ServiceRequestStatus.ACTIVE;
            case SUSPENDED -> ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
            case DECLINED, CANCELLED, EXPIRED, FORWARDED -> ServiceRequestStatus.REVOKED;
        };
    }

    /** Gravity SDOH Clinical Care task statuses; a forward ends this task (the new referral has its own). */
    static TaskStatus taskStatus(ReferralStatus status) {
        return switch (status) {
            case AWAITING_CONSENT -> TaskStatus.DRAFT;
            case SENT -> TaskStatus.REQUESTED;
            case RECEIVED -> TaskStatus.RECEIVED;
            case ACCEPTED -> TaskStatus.ACCEPTED;
            case DECLINED -> TaskStatus.REJECTED;
            case IN_PROGRESS -> TaskStatus.INPROGRESS;
            case SUSPENDED -> TaskStatus.ONHOLD;
            case COMPLETED -> TaskStatus.COMPLETED;
            case CANCELLED, FORWARDED -> TaskStatus.CANCELLED;
            case EXPIRED -> TaskStatus.FAILED;
        };
    }
}
