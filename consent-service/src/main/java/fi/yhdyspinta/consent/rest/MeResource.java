package fi.yhdyspinta.consent.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import fi.yhdyspinta.consent.mapping.AccessLogMapper;
import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.AccessLogService;
import fi.yhdyspinta.consent.service.ConsentService;
import fi.yhdyspinta.consent.service.ProhibitionService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The client's own view and will: their consents and refusals, their prohibitions, and who was given
 * or asked for their data (the access log). The client is the token's {@code hetu}, never a body field.
 */
@Path("/me")
@Tag(name = "client", description = "The client's own consents, prohibitions and access log (role client, identified by the token's henkilötunnus)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MeResource {

    private final ConsentService consents;
    private final ProhibitionService prohibitions;
    private final AccessLogService accessLog;
    private final CurrentCaller caller;

    private final Idempotency idempotency;

    public MeResource(ConsentService consents, ProhibitionService prohibitions, AccessLogService accessLog,
            CurrentCaller caller, Idempotency idempotency) {
        this.consents = consents;
        this.prohibitions = prohibitions;
        this.accessLog = accessLog;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/consents")
    @Operation(operationId = "listMyConsents", summary = "The calling client's own consents and refusals")
    public Uni<List<ConsentView>> consents(@HeaderParam("X-Correlation-Id") String correlationId) {
        return consents.mine(caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> list.stream().map(ConsentMapper::toView).toList());
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveMyConsent", summary = "Give (or refuse) consent: it decides every pending or denied need it names")
    @APIResponse(responseCode = "201", description = "The consent the client gave",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public Uni<Response> giveConsent(@Valid @NotNull MyConsentRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/me/consents", request,
                () -> consents.recordOwn(request.command(), who, Causation.fromRequest(correlationId))
                        .map(consent -> IdempotentAnswer.created("/consents/" + consent.id,
                                ConsentMapper.toView(consent))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/prohibitions")
    @Operation(operationId = "listMyProhibitions", summary = "The calling client's own prohibitions of disclosure")
    public Uni<List<ProhibitionView>> prohibitions(@HeaderParam("X-Correlation-Id") String correlationId) {
        return prohibitions.mine(caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> list.stream().map(ConsentMapper::toView).toList());
    }

    @POST
    @Path("/prohibitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMyProhibition", summary = "Prohibit disclosure (PotL 13 §): denies the pending needs it reaches and withdraws "
            + "the granted ones it now forbids")
    @APIResponse(responseCode = "201", description = "The prohibition the client recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProhibitionView.class)))
    public Uni<Response> prohibit(@Valid @NotNull MyProhibitionRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/me/prohibitions", request,
                () -> prohibitions.recordOwn(request.command(), who, Causation.fromRequest(correlationId))
                        .map(p -> IdempotentAnswer.created("/prohibitions/" + p.id,
                                ConsentMapper.toView(p))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/access-log")
    @Operation(operationId = "listMyAccessLog", summary = "Who read, changed, decided on or was refused the calling client's data, in every service, "
            + "newest first: when, which organisation (name and OID) in which role — never a person —, what, why, on "
            + "what basis (statutory ones flagged) and how it ended; decisions name whom the data were to be given")
    public Uni<AccessLogView> accessLog(
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("before") String before,
            @Parameter(description = "Entries per page, 1–200 (50)") @QueryParam("limit") String limit,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return accessLog.ofCaller(caller.get(), before, limit, Causation.fromRequest(correlationId).correlationId())
                .map(AccessLogMapper::toClientView);
    }
}
