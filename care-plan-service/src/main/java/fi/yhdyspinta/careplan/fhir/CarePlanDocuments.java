package fi.yhdyspinta.careplan.fhir;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Composition.CompositionStatus;
import org.hl7.fhir.r4.model.Composition.DocumentConfidentiality;
import org.hl7.fhir.r4.model.Composition.DocumentRelationshipType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import fi.yhdyspinta.careplan.domain.JointAssessment;
import fi.yhdyspinta.careplan.domain.PlanParticipant;
import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.repository.OrganisationSectors;
import fi.yhdyspinta.events.code.ArchiveDocumentKind;
import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.archive.ArchiveDocuments;
import fi.yhdyspinta.platform.archive.ArchiveDraft;
import fi.yhdyspinta.platform.archive.ArchiveRetention;
import fi.yhdyspinta.platform.archive.ArchivedVersion;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.fhir.Fhir;
import fi.yhdyspinta.platform.outbox.Causation;
import io.smallrye.mutiny.Uni;

/**
 * Finished documents of care-plan-service for the archive (DESIGN §9, issue 8), each a FHIR R4 document Bundle
 * recorded in the act's transaction: every approved plan version (document id = the plan's id, document version =
 * the plan version, so a new version replaces the one before it in the feed), and a completed joint service-need
 * assessment. The author is the organisation that approved the version or completed the assessment; the register
 * follows its sector in the registry replica (HEALTH for health care, else SOCIAL: D31).
 */
@ApplicationScoped
public class CarePlanDocuments {

    private final ArchiveDocuments archive;
    private final OrganisationSectors registry;

    public CarePlanDocuments(ArchiveDocuments archive, OrganisationSectors registry) {
        this.archive = archive;
        this.registry = registry;
    }

    /** The plan's current version as an archive document: Composition, CarePlan, Provenance, Organizations. */
    public Uni<ArchivedVersion> planVersion(PlanState state, String hetu, Causation causation) {
        var plan = state.plan();
        String author = state.current().createdByOrganisation;
        Set<String> oids = new LinkedHashSet<>();
        oids.add(author);
        state.participants().stream().filter(PlanParticipant::isActive).forEach(p -> oids.add(p.organisation));
        return registry.known(oids).chain(known -> {
            ArchiveRegister register = registerOf(known.get(author));
            String key = "care-plan:" + plan.id + ":" + plan.planVersion;
            Function<String, Reference> organisation = organisations(key);
            Reference patient = Fhir.hetu(hetu);
            String planUrl = Fhir.urn(key + ":care-plan");
            var carePlan = CarePlanFhir.carePlan(state, patient, organisation);
            Composition composition = composition(plan.id, plan.planVersion, serviceEvent("care-plan", plan.id),
                    patient, organisation.apply(author), state.current().createdAt);
            composition.setType(Fhir.concept(Fhir.LOINC, "18776-5", "Plan of care note"));
            composition.setTitle("Yhteinen asiakassuunnitelma");
            composition.addSection().setTitle("Asiakassuunnitelma").addEntry(new Reference(planUrl));
            if (plan.planVersion > 1) {
                composition.addRelatesTo().setCode(DocumentRelationshipType.REPLACES).setTarget(new Identifier()
                        .setSystem(Fhir.URI)
                        .setValue(Fhir.urn("care-plan:" + plan.id + ":" + (plan.planVersion - 1) + ":bundle")));
            }
            Provenance provenance = provenance(planUrl, state.current().createdAt, organisation.apply(author),
                    plan.planVersion == 1 ? "CREATE" : "UPDATE", plan.planVersion == 1 ? "create" : "revise");
            Bundle bundle = document(key, state.current().createdAt, composition,
                    List.of(new Entry(planUrl, carePlan), new Entry(Fhir.urn(key + ":provenance"), provenance)),
                    oids, known, organisation);
            return archive.record(new ArchiveDraft(plan.id, ArchiveDocumentKind.CARE_PLAN, register,
                    serviceEvent("care-plan", plan.id), author, new ClientId(plan.clientId), "R", retention(register),
                    Fhir.json(bundle)), causation);
        });
    }

    /**
     * A completed joint assessment: Composition, ServiceRequest (completed, with the coded summary), Provenance,
     * Organizations. The author is the requesting organisation, which completed it; every contributing organisation
     * (each that acknowledged its invitation) is a performer.
     */
    public Uni<ArchivedVersion> assessmentCompleted(JointAssessment assessment, List<String> contributing,
            java.time.OffsetDateTime scheduledAt, String hetu, Causation causation) {
        String author = assessment.requestingOrganisation;
        Set<String> oids = new LinkedHashSet<>();
        oids.add(author);
        oids.addAll(contributing);
        return registry.known(oids).chain(known -> {
            ArchiveRegister register = registerOf(known.get(author));
            String key = "joint-assessment:" + assessment.id + ":1";
            Function<String, Reference> organisation = organisations(key);
            Reference patient = Fhir.hetu(hetu);
            String requestUrl = Fhir.urn(key + ":service-request");
            var request = CarePlanFhir.assessment(assessment, contributing, scheduledAt, patient,
                    organisation);
            Composition composition = composition(assessment.id, 1, serviceEvent("joint-assessment", assessment.id),
                    patient, organisation.apply(author), assessment.completedAt);
            composition.setType(Fhir.concept(Fhir.LOINC, "51848-0", "Evaluation note"));
            composition.setTitle("Yhteinen palvelutarpeen arviointi");
            composition.addSection().setTitle("Palvelutarpeen arviointi").addEntry(new Reference(requestUrl));
            Provenance provenance = provenance(requestUrl, assessment.completedAt, organisation.apply(author),
                    "UPDATE", "revise");
            Bundle bundle = document(key, assessment.completedAt, composition,
                    List.of(new Entry(requestUrl, request), new Entry(Fhir.urn(key + ":provenance"), provenance)),
                    oids, known, organisation);
            return archive.record(new ArchiveDraft(assessment.id, ArchiveDocumentKind.JOINT_ASSESSMENT, register,
                    serviceEvent("joint-assessment", assessment.id), author, new ClientId(assessment.clientId), "R",
                    retention(register), Fhir.json(bundle)), causation);
        });
    }

    /** The service event (palvelutapahtuma) of a plan or an assessment: one per record, the same for every version. */
    static UUID serviceEvent(String kind, UUID id) {
        return UUID.nameUUIDFromBytes(("service-event:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static ArchiveRegister registerOf(OrganisationSectors.Registered author) {
        return author != null && author.sector() == Sector.HEALTH ? ArchiveRegister.HEALTH : ArchiveRegister.SOCIAL;
    }

    private static ArchiveRetention retention(ArchiveRegister register) {
        return register == ArchiveRegister.HEALTH ? ArchiveRetention.PATIENT_RECORD
                : ArchiveRetention.SOCIAL_CLIENT_RECORD;
    }

    private static Function<String, Reference> organisations(String key) {
        return oid -> new Reference(Fhir.urn(key + ":organisation:" + oid));
    }

    private static Composition composition(UUID documentId, int version, UUID serviceEvent, Reference patient,
            Reference author, OffsetDateTime at) {
        Composition composition = new Composition();
        composition.getMeta().setVersionId(String.valueOf(version));
        composition.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + documentId));
        composition.setStatus(CompositionStatus.FINAL);
        composition.setSubject(patient.copy());
        composition.setDate(Fhir.date(at));
        composition.addAuthor(author.copy());
        composition.setConfidentiality(DocumentConfidentiality.R);
        composition.setCustodian(author.copy());
        composition.addEvent().addDetail(new Reference().setIdentifier(new Identifier()
                .setSystem(Fhir.SERVICE_EVENT_SYSTEM).setValue(serviceEvent.toString())));
        return composition;
    }

    private static Provenance provenance(String target, OffsetDateTime at, Reference author, String code,
            String display) {
        Provenance provenance = new Provenance();
        provenance.addTarget(new Reference(target));
        provenance.setRecordedElement(new InstantType(Fhir.date(at)));
        provenance.setActivity(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", code, display));
        provenance.addAgent().setType(Fhir.concept("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "author", "Author")).setWho(author.copy());
        return provenance;
    }

    private static Bundle document(String key, OffsetDateTime at, Composition composition, List<Entry> entries,
            Set<String> oids, Map<String, OrganisationSectors.Registered> known,
            Function<String, Reference> organisation) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue(Fhir.urn(key + ":bundle")));
        bundle.setTimestamp(Fhir.date(at));
        bundle.addEntry().setFullUrl(Fhir.urn(key + ":composition")).setResource(composition);
        entries.forEach(entry -> bundle.addEntry().setFullUrl(entry.fullUrl()).setResource(entry.resource()));
        for (String oid : oids) {
            OrganisationSectors.Registered registered = known.get(oid);
            bundle.addEntry().setFullUrl(organisation.apply(oid).getReference())
                    .setResource(Fhir.organization(oid, null, registered == null || registered.active()));
        }
        return bundle;
    }

    private record Entry(String fullUrl, Resource resource) {
    }
}
