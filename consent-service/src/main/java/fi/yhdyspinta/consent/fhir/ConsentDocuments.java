package fi.yhdyspinta.consent.fhir;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Composition.CompositionStatus;
import org.hl7.fhir.r4.model.Composition.DocumentConfidentiality;
import org.hl7.fhir.r4.model.Composition.DocumentRelationshipType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.consent.domain.Organisation;
import fi.yhdyspinta.consent.repository.OrganisationRepository;
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
 * A consent recorded by a professional becomes an archive document (version 1); its revocation a new version of
 * the same document (Consent inactive) that replaces it. The document is a FHIR R4 Bundle of type document:
 * Composition first, then the Consent, its Provenance(s) and the Organizations named. Register: by the recording
 * organisation's sector in the registry — HEALTH for health care, SOCIAL for social care, and SOCIAL for an NGO or a
 * municipality (they act in the social-welfare side of the county's services). A consent the client recorded
 * themself names no author organisation and is not archived here. Runs in the act's transaction.
 */
@ApplicationScoped
public class ConsentDocuments {

    private final ArchiveDocuments archive;
    private final OrganisationRepository organisations;

    public ConsentDocuments(ArchiveDocuments archive, OrganisationRepository organisations) {
        this.archive = archive;
        this.organisations = organisations;
    }

    /** Version 1: the consent (or refusal) as recorded, with the client's henkilötunnus from the request. */
    public Uni<Optional<ArchivedVersion>> recorded(Consent consent, String hetu, Causation causation) {
        if (consent.recordedByClient()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return document(consent, hetu, 1, null, consent.recordedAt, causation).map(Optional::of);
    }

    /**
     * The revocation as the next version; the henkilötunnus (which this service does not keep) comes from the
     * version it replaces. Nothing when the consent was never archived (the client recorded it).
     */
    public Uni<Optional<ArchivedVersion>> revoked(Consent consent, Optional<String> revokingOrganisation,
            Causation causation) {
        return archive.latestBundle(consent.id).chain(previous -> {
            if (previous.isEmpty()) {
                return Uni.createFrom().item(Optional.<ArchivedVersion>empty());
            }
            Bundle replaced = Fhir.context().newJsonParser().parseResource(Bundle.class, previous.get());
            Composition composition = (Composition) replaced.getEntryFirstRep().getResource();
            String hetu = composition.getSubject().getIdentifier().getValue();
            int version = Integer.parseInt(composition.getMeta().getVersionId()) + 1;
            return document(consent, hetu, version, revokingOrganisation.orElse(""), consent.revokedAt, causation)
                    .map(Optional::of);
        });
    }

    private Uni<ArchivedVersion> document(Consent consent, String hetu, int version, String revokedBy,
            OffsetDateTime at, Causation causation) {
        Set<String> oids = new LinkedHashSet<>();
        oids.add(consent.recordedByOrganisation);
        oids.addAll(consent.recipientList());
        if (revokedBy != null && !revokedBy.isEmpty()) {
            oids.add(revokedBy);
        }
        return organisations.findAll(oids).chain(found -> {
            Map<String, Organisation> byOid = found.stream().collect(Collectors.toMap(o -> o.oid, o -> o));
            Sector sector = Optional.ofNullable(byOid.get(consent.recordedByOrganisation)).map(o -> o.sector)
                    .orElse(Sector.SOCIAL);
            String bundle = Fhir.json(bundle(consent, hetu, version, revokedBy, at, oids, byOid));
            ArchiveDraft draft = new ArchiveDraft(consent.id, ArchiveDocumentKind.CONSENT, register(sector),
                    serviceEvent(consent), consent.recordedByOrganisation, new ClientId(consent.clientId), "R",
                    ArchiveRetention.CONSENT_RECORD, bundle);
            return archive.record(draft, causation);
        });
    }

    /** Client Data Act 784/2021: health care documents to the patient register, everything else to the social one. */
    public static ArchiveRegister register(Sector sector) {
        return sector == Sector.HEALTH ? ArchiveRegister.HEALTH : ArchiveRegister.SOCIAL;
    }

    /** The consent is its own service event (palvelutapahtuma): one id per consent, the same for every version. */
    static UUID serviceEvent(Consent consent) {
        return UUID.nameUUIDFromBytes(("service-event:consent:" + consent.id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Bundle bundle(Consent consent, String hetu, int version, String revokedBy, OffsetDateTime at,
            Set<String> oids, Map<String, Organisation> byOid) {
        String key = "consent:" + consent.id + ":" + version;
        Function<String, Reference> organisation = oid -> new Reference(Fhir.urn(key + ":organisation:" + oid));
        Reference patient = Fhir.hetu(hetu);
        String consentUrl = Fhir.urn(key + ":consent");
        org.hl7.fhir.r4.model.Consent resource = ConsentFhir.consent(consent, patient, organisation);
        resource.setId((String) null);
        List<Resource> provenances = new ArrayList<>();
        provenances.add(ConsentFhir.provenance(consent, new Reference(consentUrl),
                organisation.apply(consent.recordedByOrganisation), false));
        if (version > 1) {
            Reference revoker = revokedBy == null || revokedBy.isEmpty() ? patient.copy() : organisation.apply(revokedBy);
            provenances.add(ConsentFhir.provenance(consent, new Reference(consentUrl), revoker, true));
        }

        Composition composition = new Composition();
        composition.getMeta().setVersionId(Integer.toString(version));
        composition.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue("urn:uuid:" + consent.id));
        composition.setStatus(CompositionStatus.FINAL);
        composition.setType(Fhir.concept(Fhir.LOINC, "59284-0", "Patient Consent"));
        composition.setSubject(patient.copy());
        composition.setDate(Fhir.date(at));
        composition.addAuthor(organisation.apply(consent.recordedByOrganisation));
        composition.setTitle(version == 1 ? "Suostumus" : "Suostumuksen peruutus");
        composition.setConfidentiality(DocumentConfidentiality.R);
        composition.setCustodian(organisation.apply(consent.recordedByOrganisation));
        composition.addEvent().addDetail(new Reference().setIdentifier(
                new Identifier().setSystem(Fhir.SERVICE_EVENT_SYSTEM).setValue(serviceEvent(consent).toString())));
        if (version > 1) {
            composition.addRelatesTo().setCode(DocumentRelationshipType.REPLACES).setTarget(new Identifier()
                    .setSystem(Fhir.URI).setValue(Fhir.urn("consent:" + consent.id + ":" + (version - 1) + ":bundle")));
        }
        Composition.SectionComponent section = composition.addSection().setTitle("Suostumus");
        section.addEntry(new Reference(consentUrl));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem(Fhir.URI).setValue(Fhir.urn(key + ":bundle")));
        bundle.setTimestamp(Fhir.date(at));
        bundle.addEntry().setFullUrl(Fhir.urn(key + ":composition")).setResource(composition);
        bundle.addEntry().setFullUrl(consentUrl).setResource(resource);
        for (int i = 0; i < provenances.size(); i++) {
            bundle.addEntry().setFullUrl(Fhir.urn(key + ":provenance:" + i)).setResource(provenances.get(i));
        }
        for (String oid : oids) {
            Organisation known = byOid.get(oid);
            bundle.addEntry().setFullUrl(organisation.apply(oid).getReference()).setResource(
                    Fhir.organization(oid, known == null ? null : known.name, known == null || known.active));
        }
        return bundle;
    }
}
