package fi.yhdyspinta.referral.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.referral.service.NeedService;
import io.smallrye.mutiny.Uni;

@Path("/needs")
@Tag(name = "needs", description = "Identified needs (palvelutarve): each starts a referral through the consent check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class NeedResource {

    private final NeedService needs;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public NeedResource(NeedService needs, CurrentCaller caller, Idempotency idempotency) {
        this.needs = needs;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(operationId = "identifyNeed", summary = "Record an identified need; its referral waits for a consent decision")
    @APIResponse(responseCode = "201", description = "The need, and its referral awaiting the consent decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedCreated.class)))
    public Uni<Response> identify(@Valid @NotNull NeedRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/needs", request,
                () -> needs.identify(request.command(), who, Causation.fromRequest(correlationId))
                        .map(need -> IdempotentAnswer.created("/needs/" + need.id,
                                new NeedCreated(need.id, need.referralId, ReferralStatus.AWAITING_CONSENT))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNeed", summary = "Read a need the caller's organisation identified, or is the target of once a consent decision permitted it (then only the permitted data)")
    public Uni<NeedView> find(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return needs.find(id, caller.get(), Causation.fromRequest(correlationId).correlationId());
    }
}
