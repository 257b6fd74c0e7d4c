package fi.yhdyspinta.consent.fhir;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.consent.domain.Consent;
import fi.yhdyspinta.platform.fhir.Fhir;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * FHIR R4 read views of consents (DESIGN §1, §6), with the authorization of the REST API: {@code Consent} by id,
 * {@code Consent?patient=urn:oid:1.2.246.21|<henkilötunnus>} as a searchset with each consent's {@code Provenance},
 * and the {@code CapabilityStatement}. JSON only ({@code application/fhir+json}); errors are problem+json as
 * everywhere in the suite.
 */
@Path("/fhir")
@Tag(name = "fhir", description = "FHIR R4 read views of the same data (application/fhir+json)")
public class FhirConsentResource {

    private final ConsentViews views;
    private final CurrentCaller caller;

    public FhirConsentResource(ConsentViews views, CurrentCaller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readConsentCapabilityStatement", summary = "FHIR CapabilityStatement: what this service serves (read-only, JSON)")
    public Response metadata() {
        return Fhir.response(ConsentFhirViews.capabilities());
    }

    @GET
    @Path("/Consent/{id}")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readFhirConsent", summary = "A consent as FHIR Consent, when the caller's organisation recorded it or is named in it "
            + "(else 404); the client named by the pseudonymous client id")
    public Uni<Response> consent(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return views.read(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(consent -> Fhir.response(ConsentFhirViews.consent(consent, Fhir.pseudonym(consent.clientId))));
    }

    @GET
    @Path("/Consent")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "searchFhirConsents", summary = "The client's consents that concern the caller's organisation, as a searchset Bundle with "
            + "their Provenance; patient=urn:oid:1.2.246.21|<henkilötunnus>, or _id=<consent id> for one consent "
            + "with its Provenance")
    public Uni<Response> search(@QueryParam("patient") String patient, @QueryParam("_id") String id,
            @HeaderParam("X-Correlation-Id") String correlationId, @Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir/";
        String correlation = Causation.fromRequest(correlationId).correlationId();
        if ((patient == null || patient.isEmpty()) && id != null && !id.isEmpty()) {
            // Consent?_id=<id>: the one consent with its Provenance (404 as the read when the caller may not see it)
            return views.read(consentId(id), caller.get(), correlation)
                    .map(consent -> Fhir.response(searchset(List.of(consent), Fhir.pseudonym(consent.clientId), base)));
        }
        String hetu = Fhir.patientHetu(patient);
        return views.ofPatient(hetu, caller.get(), correlation)
                .map(consents -> Fhir.response(searchset(consents, Fhir.hetu(hetu), base)));
    }

    private static UUID consentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("_id", "must be a consent id (UUID)");
        }
    }

    @GET
    @Path("/AuditEvent")
    @RolesAllowed(Roles.UNIT_LEAD)
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "searchFhirAuditEvents", summary = "As GET /audit/records: the client's audit records of the unit lead's own organisation's "
            + "acts, newest first (at most 200), as a searchset of AuditEvent; patient=urn:oid:1.2.246.21|<henkilötunnus>")
    public Uni<Response> auditEvents(@QueryParam("patient") String patient,
            @HeaderParam("X-Correlation-Id") String correlationId, @Context UriInfo uri) {
        String hetu = Fhir.patientHetu(patient);
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir/";
        return views.auditEvents(hetu, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(records -> {
                    Bundle bundle = new Bundle();
                    bundle.setType(Bundle.BundleType.SEARCHSET);
                    bundle.setTotal(records.size());
                    for (var record : records) {
                        bundle.addEntry().setFullUrl(base + "AuditEvent/" + record.id())
                                .setResource(AuditEventFhir.auditEvent(record, Fhir.hetu(hetu))).getSearch()
                                .setMode(Bundle.SearchEntryMode.MATCH);
                    }
                    return Fhir.response(bundle);
                });
    }

    private static Bundle searchset(List<Consent> consents, Reference patient, String base) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(consents.size());
        for (Consent consent : consents) {
            org.hl7.fhir.r4.model.Consent resource = ConsentFhirViews.consent(consent, patient);
            bundle.addEntry().setFullUrl(base + "Consent/" + consent.id).setResource(resource).getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
            for (var provenance : ConsentFhirViews.provenances(consent, patient)) {
                bundle.addEntry().setFullUrl(base + "Provenance/" + provenance.getIdElement().getIdPart())
                        .setResource(provenance).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
            }
        }
        return bundle;
    }
}
