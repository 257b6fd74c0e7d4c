package fi.yhdyspinta.careplan.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

import fi.yhdyspinta.careplan.domain.AgreedNextStep;
import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.PlanContent;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.mapping.PlanMapper;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.platform.fhir.Fhir;

/**
 * A joint client plan as FHIR R4 {@code CarePlan} (intent plan): goals as contained {@code Goal}s, one activity per
 * action (performer = the owning organisation, scheduled until its due date), the referrals actions came from as
 * {@code supportingInfo}, the responsible worker (vastuutyöntekijä) as author, the organisations with an active
 * share as contributors, the client's plain-language summary as description. A joint service-need assessment as
 * {@code ServiceRequest}: requester = the requesting organisation, performer = the invited one(s), reasonCode = the
 * needs found, orderDetail = the next steps agreed (codes only). Built here for the read view and the archive alike.
 */
public final class CarePlanFhir {

    public static final String SERVICE_TYPE_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/service-type";
    public static final String NEXT_STEP_SYSTEM = "https://yhdyspinta.fi/fhir/CodeSystem/agreed-next-step";
    public static final String ACCOUNT_SYSTEM = "https://yhdyspinta.fi/fhir/sid/account";
    public static final String JOINT_ASSESSMENT_CODE = "JOINT_SERVICE_NEED_ASSESSMENT";

    private CarePlanFhir() {
    }

    /** The plan's current version; {@code patient} names the client (pseudonym in a view, henkilötunnus in a document). */
    public static CarePlan carePlan(PlanState state, Reference patient, Function<String, Reference> organisation) {
        var plan = state.plan();
        PlanContent content = PlanMapper.content(state.current());
        CarePlan carePlan = new CarePlan();
        carePlan.addIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + plan.id));
        carePlan.setStatus(CarePlanStatus.ACTIVE);
        carePlan.setIntent(CarePlanIntent.PLAN);
        carePlan.addCategory(new CodeableConcept().setText("Asiakassuunnitelma (SHL 39 §)"));
        carePlan.setTitle("Yhteinen asiakassuunnitelma, versio " + plan.planVersion);
        if (content.clientSummary() != null) {
            carePlan.setDescription(content.clientSummary());
        }
        carePlan.setSubject(patient.copy());
        carePlan.setCreated(Fhir.date(plan.createdAt));
        if (plan.hasResponsibleWorker()) {
            carePlan.setAuthor(new Reference().setType("Practitioner")
                    .setIdentifier(new Identifier().setSystem(ACCOUNT_SYSTEM).setValue(plan.responsibleWorker))
                    .setDisplay("vastuutyöntekijä, " + plan.responsibleOrganisation));
        }
        for (PlanParticipant participant : state.participants()) {
            if (participant.isActive()) {
                carePlan.addContributor(organisation.apply(participant.organisation));
            }
        }
        if (plan.reviewDate != null) {
            // the plan holds until it is reviewed (arviointipäivä)
            carePlan.setPeriod(new Period().setStart(Fhir.date(plan.createdAt)).setEndElement(day(plan.reviewDate)));
        }
        int index = 0;
        for (PlanContent.Goal goal : content.goals()) {
            String id = "goal-" + (++index);
            carePlan.addContained(goal(goal, id, patient));
            carePlan.addGoal(new Reference("#" + id));
        }
        for (PlanContent.Action action : content.actions()) {
            var detail = carePlan.addActivity().getDetail();
            detail.setStatus(CarePlanActivityStatus.UNKNOWN);
            detail.setDescription(action.description());
            detail.addPerformer(organisation.apply(action.organisation()));
            if (action.dueDate() != null) {
                detail.setScheduled(new Period().setEndElement(day(action.dueDate())));
            }
            if (action.referralId() != null) {
                carePlan.addSupportingInfo(new Reference().setType("ServiceRequest").setIdentifier(
                        new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + action.referralId())));
            }
        }
        return carePlan;
    }

    private static Goal goal(PlanContent.Goal goal, String id, Reference patient) {
        Goal resource = new Goal();
        resource.setId(id);
        resource.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
        CodeableConcept description = new CodeableConcept().setText(goal.description());
        if (goal.category() != null) {
            description.addCoding().setSystem(Fhir.NEED_CATEGORY_SYSTEM).setCode(goal.category().name());
            resource.addCategory(Fhir.concept(Fhir.NEED_CATEGORY_SYSTEM, goal.category().name(), null));
        }
        resource.setDescription(description);
        resource.setSubject(patient.copy());
        if (goal.clientText() != null) {
            // the client's own wording (selkokieli)
            resource.addNote(new Annotation().setText(goal.clientText()));
        }
        return resource;
    }

    /** A joint service-need assessment (THL 32.2 §, SHL 41 §) as the request it was. */
    public static ServiceRequest assessment(JointAssessment assessment, List<String> contributing,
            java.time.OffsetDateTime scheduledAt, Reference patient, Function<String, Reference> organisation) {
        ServiceRequest request = new ServiceRequest();
        request.addIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + assessment.id));
        request.setStatus(assessment.completedAt != null ? ServiceRequestStatus.COMPLETED : ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setCode(Fhir.concept(SERVICE_TYPE_SYSTEM, JOINT_ASSESSMENT_CODE, "Yhteinen palvelutarpeen arviointi"));
        request.setSubject(patient.copy());
        request.setAuthoredOn(Fhir.date(assessment.requestedAt));
        request.setRequester(organisation.apply(assessment.requestingOrganisation));
        contributing.forEach(oid -> request.addPerformer(organisation.apply(oid)));
        if (scheduledAt != null) {
            request.setOccurrence(new DateTimeType(Fhir.date(scheduledAt)));
        }
        for (NeedCategory need : assessment.needs()) {
            request.addReasonCode(Fhir.concept(Fhir.NEED_CATEGORY_SYSTEM, need.name(), null));
        }
        for (AgreedNextStep step : assessment.agreedNextSteps()) {
            request.addOrderDetail(Fhir.concept(NEXT_STEP_SYSTEM, step.name(), null));
        }
        return request;
    }

    /** A calendar day (day precision, no time zone). */
    private static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
