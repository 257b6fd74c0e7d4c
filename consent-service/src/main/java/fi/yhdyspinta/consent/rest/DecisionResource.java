package fi.yhdyspinta.consent.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.DecisionService;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/consent-decisions")
@Tag(name = "consent decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class DecisionResource {

    private final DecisionService decisions;
    private final CurrentCaller caller;

    public DecisionResource(DecisionService decisions, CurrentCaller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a disclosure: PERMIT on consent, PERMIT_STATUTORY on a justified statutory basis, or DENY")
    public Uni<Response> decide(@Valid @NotNull DecisionRequest request,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return decisions.decide(request, caller.get(), Causation.fromRequest(correlationId))
                .map(d -> Response.created(URI.create("/consent-decisions/" + d.id)).entity(ConsentMapper.toView(d))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a decision the caller's organisation asked for")
    public Uni<DecisionView> find(@PathParam("id") UUID id) {
        return decisions.find(id, caller.get()).map(ConsentMapper::toView);
    }
}
