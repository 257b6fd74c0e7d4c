package fi.yhdyspinta.careplan.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.careplan.mapping.PlanMapper;
import fi.yhdyspinta.careplan.service.CarePlanService;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The client's own plans, in plain language (matched by the token's {@code hetu}, never by a parameter). */
@Path("/me/plans")
@Tag(name = "me", description = "The client's own care plans (role client, identified by the token's henkilötunnus)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyPlansResource {

    private final CarePlanService plans;
    private final CurrentCaller caller;

    public MyPlansResource(CarePlanService plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMyPlans", summary = "The calling client's joint client plans in plain language")
    public Uni<List<MyPlanView>> mine(@HeaderParam("X-Correlation-Id") String correlationId) {
        return plans.mine(caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> list.stream().map(PlanMapper::toClientView).toList());
    }
}
