package fi.yhdyspinta.consent.rest;

import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.ConsentService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.ValidHenkilotunnus;
import io.smallrye.mutiny.Uni;

@Path("/consents")
@Tag(name = "consents", description = "Consents (suostumus) that professionals record for a client, and their revocation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ConsentResource {

    private final ConsentService consents;
    private final CurrentCaller caller;

    private final Idempotency idempotency;

    public ConsentResource(ConsentService consents, CurrentCaller caller, Idempotency idempotency) {
        this.consents = consents;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordConsent", summary = "Record the client's answer (consent or refusal); it decides the pending needs it names")
    @APIResponse(responseCode = "201", description = "The recorded consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public Uni<Response> record(@Valid @NotNull ConsentRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/consents", request,
                () -> consents.record(request.client(), request.command(), who, Causation.fromRequest(correlationId))
                        .map(consent -> IdempotentAnswer.created("/consents/" + consent.id,
                                ConsentMapper.toView(consent))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Operation(operationId = "listClientConsents", summary = "The client's consents that concern the caller's organisation")
    public Uni<List<ConsentView>> ofClient(@QueryParam("client") @NotNull @ValidHenkilotunnus String client,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return consents.ofClient(client, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> list.stream().map(ConsentMapper::toView).toList());
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER,
            Roles.UNIT_LEAD, Roles.CLIENT })
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent: by a professional of an organisation it concerns, or by the client")
    public Uni<ConsentView> revoke(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return consents.revoke(id, caller.get(), Causation.fromRequest(correlationId)).map(ConsentMapper::toView);
    }
}
