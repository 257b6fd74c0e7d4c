package fi.yhdyspinta.referral.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Composition.CompositionStatus;
import org.hl7.fhir.r4.model.Composition.DocumentConfidentiality;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

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
import fi.yhdyspinta.referral.domain.Organisation;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.repository.OrganisationRepository;
import fi.yhdyspinta.referral.rest.ReferralView;
import io.smallrye.mutiny.Uni;

/**
 * A completed referral with its feedback becomes an archive document (DESIGN §9): a FHIR R4 document Bundle with the
 * Composition, the ServiceRequest (completed), the Task (completed; output = outcome code and the feedback text — the
 * archive is the one consumer that gets the text outside REST), a Provenance and both Organizations. The author is
 * the receiving organisation, which completed the service and wrote the feedback; the register follows its sector
 * (HEALTH for health care, SOCIAL for social care, NGOs and municipalities). Recorded in the completion's transaction.
 */
@ApplicationScoped
public class ReferralDocuments {

    private final ArchiveDocuments archive;
    private final OrganisationRepository organisations;

    public ReferralDocuments(ArchiveDocuments archive, OrganisationRepository organisations) {
        this.archive = archive;
        this.organisations = organisations;
    }

    public Uni<ArchivedVersion> completed(Referral referral, Causation causation) {
        List<String> oids = List.of(referral.senderOrganisation, referral.receiverOrganisation);
        return organisations.list("oid in ?1", oids).chain(found -> {
            Map<String, Organisation> byOid = found.stream().collect(Collectors.toMap(o -> o.oid, o -> o, (a, b) -> a));
            Organisation receiver = byOid.get(referral.receiverOrganisation);
            ArchiveRegister register = receiver != null && receiver.sector == Sector.HEALTH ? ArchiveRegister.HEALTH
                    : ArchiveRegister.SOCIAL;
            String bundle = Fhir.json(bundle(referral, byOid));
            return archive.record(new ArchiveDraft(referral.id, ArchiveDocumentKind.REFERRAL, register,
                    serviceEvent(referral), referral.receiverOrganisation, new ClientId(referral.clientId), "R",
                    register == ArchiveRegister.HEALTH ? ArchiveRetention.PATIENT_RECORD
                            : ArchiveRetention.SOCIAL_CLIENT_RECORD,
                    bundle), causation);
        });
    }

    /** The service event (palvelutapahtuma) of the referral: one per referral, the same for every version. */
    static UUID serviceEvent(Referral referral) {
        return UUID.nameUUIDFromBytes(("service-event:referral:" + referral.id).getBytes(StandardCharsets.UTF_8));
    }

    static Bundle bundle(Referral referral, Map<String, Organisation> byOid) {
        String key = "referral:" + referral.id + ":1";
        Function<String, Reference> organisation = oid -> new Reference(Fhir.urn(key + ":organisation:" + oid));
        // the whole referral, as its sender sees it: the archive gets every field, the henkilötunnus included
        ReferralView whole = ReferralDisclosure.view(referral, referral.senderOrganisation);
        Reference patient = Fhir.hetu(referral.clientHetu);
        String requestUrl = Fhir.urn(key + ":service-request");
        String taskUrl = Fhir.urn(key + ":task");
        ServiceRequest request = ReferralFhir.serviceRequest(whole, patient, organisation);
        request.setId((String) null);
        Task task = ReferralFhir.task(whole, new Reference(requestUrl), patient, organisation);
        task.setId((String) null);
        Provenance provenance = new Provenance();
        provenance.addTarget(new Reference(requestUrl));
        provenance.addTarget(new Reference(taskUrl));
        provenance.setRecordedElement(new InstantType(Fhir.date(referral.updatedAt)));
        provenance.setActivity(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE",
                "revise"));
        provenance.addAgent().setType(Fhir.concept("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "author", "Author")).setWho(organisation.apply(referral.receiverOrganisation));

        Composition composition = new Composition();
        composition.getMeta().setVersionId("1");
        composition.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + referral.id));
        composition.setStatus(CompositionStatus.FINAL);
        composition.setType(Fhir.concept(Fhir.LOINC, "57133-1", "Referral note"));
        composition.setSubject(patient.copy());
        composition.setDate(Fhir.date(referral.updatedAt));
        composition.addAuthor(organisation.apply(referral.receiverOrganisation));
        composition.setTitle("Lähete ja palaute");
        composition.setConfidentiality(DocumentConfidentiality.R);
        composition.setCustodian(organisation.apply(referral.receiverOrganisation));
        composition.addEvent().addDetail(new Reference().setIdentifier(new Identifier()
                .setSystem(Fhir.SERVICE_EVENT_SYSTEM).setValue(serviceEvent(referral).toString())));
        composition.addSection().setTitle("Lähete").addEntry(new Reference(requestUrl));
        composition.addSection().setTitle("Palaute").addEntry(new Reference(taskUrl));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue(Fhir.urn(key + ":bundle")));
        bundle.setTimestamp(Fhir.date(referral.updatedAt));
        bundle.addEntry().setFullUrl(Fhir.urn(key + ":composition")).setResource(composition);
        bundle.addEntry().setFullUrl(requestUrl).setResource(request);
        bundle.addEntry().setFullUrl(taskUrl).setResource(task);
        bundle.addEntry().setFullUrl(Fhir.urn(key + ":provenance")).setResource(provenance);
        for (String oid : List.of(referral.senderOrganisation, referral.receiverOrganisation)) {
            Organisation known = byOid.get(oid);
            bundle.addEntry().setFullUrl(organisation.apply(oid).getReference())
                    .setResource(Fhir.organization(oid, null, known == null || known.active));
        }
        return bundle;
    }
}
