package fi.yhdyspinta.careplan.fhir;

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
import org.hl7.fhir.r4.model.CarePlan;

import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.service.CarePlanService;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.fhir.Capabilities;
import fi.yhdyspinta.platform.fhir.Fhir;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * FHIR R4 read views of joint client plans (DESIGN §1, §6, issue 8) with the authorization of {@code GET /plans/{id}}:
 * {@code CarePlan} by id (the plan's id) for an organisation with an active share (anyone else 404; a revoked or
 * removed share 403 — a CarePlan has no ids-only form), {@code CarePlan?patient=urn:oid:1.2.246.21|<henkilötunnus>}
 * as a searchset of the plans the caller's organisation shares, and the {@code CapabilityStatement}. The client is
 * named by the pseudonymous client id, as in the REST view. JSON only; errors are problem+json.
 */
@Path("/fhir")
@Tag(name = "fhir", description = "FHIR R4 read views of the same data (application/fhir+json)")
public class FhirCarePlanResource {

    private static final Date PUBLISHED = new Date(1795737600000L); // 2026-11-27

    private final CarePlanService plans;
    private final CurrentCaller caller;

    public FhirCarePlanResource(CarePlanService plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readCarePlanCapabilityStatement", summary = "FHIR CapabilityStatement: what this service serves (read-only, JSON)")
    public Response metadata() {
        return Fhir.response(capabilities());
    }

    @GET
    @Path("/CarePlan/{id}")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "readFhirCarePlan", summary = "A joint client plan as FHIR CarePlan, for an organisation with an active share (a revoked "
            + "or removed share 403, anyone else 404)")
    public Uni<Response> carePlan(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return plans.findShared(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(state -> Fhir.response(view(state)));
    }

    @GET
    @Path("/CarePlan")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
    @Produces({ Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "searchFhirCarePlans", summary = "The client's plans the caller's organisation shares, as a searchset; "
            + "patient=urn:oid:1.2.246.21|<henkilötunnus>")
    public Uni<Response> search(@QueryParam("patient") String patient,
            @HeaderParam("X-Correlation-Id") String correlationId, @Context UriInfo uri) {
        Henkilotunnus hetu = Henkilotunnus.parse(Fhir.patientHetu(patient));
        String base = uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir/";
        return plans.sharedOfClient(hetu, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> Fhir.response(searchset(list, base)));
    }

    static CarePlan view(PlanState state) {
        CarePlan carePlan = CarePlanFhir.carePlan(state, Fhir.pseudonym(state.plan().clientId), Fhir::organisation);
        carePlan.setId(state.plan().id.toString());
        carePlan.getMeta().setVersionId(String.valueOf(state.plan().version));
        return carePlan;
    }

    private static Bundle searchset(List<PlanState> states, String base) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(states.size());
        for (PlanState state : states) {
            bundle.addEntry().setFullUrl(base + "CarePlan/" + state.plan().id).setResource(view(state))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    static CapabilityStatement capabilities() {
        CapabilityStatement statement = Capabilities.readOnlyServer(PUBLISHED, "YhdyspintaCarePlanService",
                "Yhdyspinta care-plan-service FHIR read views",
                "care-plan-service: joint client plans as FHIR R4, read-only");
        Capabilities.searchedByPatient(statement, "CarePlan", true, "; the plans the caller's organisation shares");
        return statement;
    }
}
