package fi.yhdyspinta.consent.rest;

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

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.DecisionService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/consent-decisions")
@Tag(name = "consent decisions", description = "Consent decisions: may one organisation disclose these data categories to another, now")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class DecisionResource {

    private final DecisionService decisions;
    private final CurrentCaller caller;

    private final Idempotency idempotency;

    public DecisionResource(DecisionService decisions, CurrentCaller caller, Idempotency idempotency) {
        this.decisions = decisions;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideConsent", summary = "Decide a disclosure: PERMIT on consent, PERMIT_STATUTORY on a justified statutory basis, or DENY")
    @APIResponse(responseCode = "201", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public Uni<Response> decide(@Valid @NotNull DecisionRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/consent-decisions", request,
                () -> decisions.decide(request.command(), who, Causation.fromRequest(correlationId))
                        .map(d -> IdempotentAnswer.created("/consent-decisions/" + d.id,
                                ConsentMapper.toView(d))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConsentDecision", summary = "Read a decision the caller's organisation asked for")
    public Uni<DecisionView> find(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlationId) {
        return decisions.find(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(ConsentMapper::toView);
    }
}
