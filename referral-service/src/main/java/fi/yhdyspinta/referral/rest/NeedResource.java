package fi.yhdyspinta.referral.rest;

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

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.referral.mapping.ReferralMapper;
import fi.yhdyspinta.referral.service.NeedService;
import io.smallrye.mutiny.Uni;

@Path("/needs")
@Tag(name = "needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class NeedResource {

    private final NeedService needs;
    private final CurrentCaller caller;

    public NeedResource(NeedService needs, CurrentCaller caller) {
        this.needs = needs;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record an identified need; its referral waits for a consent decision")
    public Uni<Response> identify(@Valid @NotNull NeedRequest request,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return needs.identify(request, caller.get(), Causation.fromRequest(correlationId))
                .map(need -> Response.created(URI.create("/needs/" + need.id))
                        .entity(new NeedCreated(need.id, need.referralId, ReferralStatus.AWAITING_CONSENT))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a need the caller's organisation identified or is the target of")
    public Uni<NeedView> find(@PathParam("id") UUID id) {
        return needs.find(id, caller.get()).map(ReferralMapper::toView);
    }
}
