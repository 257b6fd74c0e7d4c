package fi.yhdyspinta.consent.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.ProhibitionService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Prohibitions recorded by a professional on the client's word; the client's own are under {@code /me/prohibitions}. */
@Path("/prohibitions")
@Tag(name = "prohibitions", description = "Prohibitions (luovutuskielto) of disclosure, which override consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ProhibitionResource {

    private final ProhibitionService prohibitions;
    private final CurrentCaller caller;

    private final Idempotency idempotency;

    public ProhibitionResource(ProhibitionService prohibitions, CurrentCaller caller, Idempotency idempotency) {
        this.prohibitions = prohibitions;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordProhibition", summary = "Record a prohibition of disclosure (PotL 13 §) on the client's word: it denies the "
            + "pending needs it reaches and withdraws the granted ones it now forbids")
    @APIResponse(responseCode = "201", description = "The recorded prohibition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProhibitionView.class)))
    public Uni<Response> record(@Valid @NotNull ProhibitionRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/prohibitions", request,
                () -> prohibitions.record(request.client(), request.command(), who, Causation.fromRequest(correlationId))
                        .map(p -> IdempotentAnswer.created("/prohibitions/" + p.id, ConsentMapper.toView(p))))
                .map(IdempotentAnswer::toResponse);
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER,
            Roles.UNIT_LEAD, Roles.CLIENT })
    @Operation(operationId = "revokeProhibition", summary = "Revoke a prohibition: by the client, or by the organisation that recorded it; "
            + "the client's denied needs are decided again")
    public Uni<ProhibitionView> revoke(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return prohibitions.revoke(id, caller.get(), Causation.fromRequest(correlationId))
                .map(ConsentMapper::toView);
    }
}
