package fi.yhdyspinta.referral.fhir;

import java.util.Date;
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
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Reference;

import fi.yhdyspinta.platform.fhir.Capabilities;
import fi.yhdyspinta.platform.fhir.Fhir;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.referral.rest.ReferralView;
import io.smallrye.mutiny.Uni;

/**
 * FHIR R4 read views of referrals (DESIGN §1, §6) with the authorization of {@code GET /referrals/{id}}:
 * {@code ServiceRequest} and {@code Task} by id (the referral's id), {@code ServiceRequest?patient=urn:oid:1.2.246.21|
 * <henkilötunnus>} as a searchset, and the {@code CapabilityStatement}. References name organisations by OID.
 * JSON only ({@code application/fhir+json}); errors are problem+json as everywhere in the suite.
 */
@Path("/fhir")
@Tag(name = "fhir", description = "FHIR R4 read views of the same data (application/fhir+json)")
public class FhirReferralResource {

    private static final Date PUBLISHED = new Date(1795564800000L); // 2026-11-25

    private final ReferralViews views;
    private final CurrentCaller caller;

    public FhirReferralResource(ReferralViews views, CurrentCaller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readReferralCapabilityStatement", summary = "FHIR CapabilityStatement: what this service serves (read-only, JSON)")
    public Response metadata() {
        return Fhir.response(capabilities());
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readFhirServiceRequest", summary = "A referral as FHIR ServiceRequest, as GET /referrals/{id} shows it (else 404)")
    public Uni<Response> serviceRequest(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return views.read(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(view -> Fhir.response(ReferralFhir.serviceRequest(view, ReferralFhir.patient(view), Fhir::organisation)));
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readFhirTask", summary = "The fulfilment of a referral as FHIR Task (Gravity SDOH statuses), focus = its ServiceRequest")
    public Uni<Response> task(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return views.read(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(view -> Fhir.response(ReferralFhir.task(view, new Reference("ServiceRequest/" + view.id()),
                        ReferralFhir.patient(view), Fhir::organisation)));
    }

    @GET
    @Path("/ServiceRequest")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "searchFhirServiceRequests", summary = "The client's referrals the caller may see with the client's henkilötunnus, as a searchset; "
            + "patient=urn:oid:1.2.246.21|<henkilötunnus>")
    public Uni<Response> search(@QueryParam("patient") String patient,
            @HeaderParam("X-Correlation-Id") String correlationId, @Context UriInfo uri) {
        String hetu = Fhir.patientHetu(patient);
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir/";
        return views.ofPatient(hetu, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> Fhir.response(searchset(list, base)));
    }

    private static Bundle searchset(List<ReferralView> views, String base) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(views.size());
        for (ReferralView view : views) {
            bundle.addEntry().setFullUrl(base + "ServiceRequest/" + view.id())
                    .setResource(ReferralFhir.serviceRequest(view, ReferralFhir.patient(view), Fhir::organisation))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    static CapabilityStatement capabilities() {
        CapabilityStatement statement = Capabilities.readOnlyServer(PUBLISHED, "YhdyspintaReferralService",
                "Yhdyspinta referral-service FHIR read views", "referral-service: referrals as FHIR R4, read-only");
        Capabilities.searchedByPatient(statement, "ServiceRequest", true, "");
        statement.getRestFirstRep().addResource().setType("Task").addInteraction()
                .setCode(TypeRestfulInteraction.READ);
        return statement;
    }
}
