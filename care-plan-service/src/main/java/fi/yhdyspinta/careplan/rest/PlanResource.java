package fi.yhdyspinta.careplan.rest;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.careplan.domain.PlanState;
import fi.yhdyspinta.careplan.mapping.PlanMapper;
import fi.yhdyspinta.careplan.service.CarePlanService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Joint client plans (asiakassuunnitelma, SHL 39 §, 46 §) with one responsible worker (SHL 42 §). The ETag of a
 * plan is its version; {@code PUT} needs {@code If-Match} (428 without it, 412 when stale).
 */
@Path("/plans")
@Tag(name = "plans", description = "Client care plans (asiakassuunnitelma) shared by the taking-part organisations, with one responsible worker")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class PlanResource {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private final CarePlanService plans;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public PlanResource(CarePlanService plans, CurrentCaller caller, Idempotency idempotency, ObjectMapper json) {
        this.json = json;
        this.plans = plans;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlan", summary = "Create a joint client plan; every other participant needs consent purpose JOINT_CLIENT_PLAN "
            + "(403 naming each one without it)")
    @APIResponse(responseCode = "201", description = "The created plan (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Uni<Response> create(@Valid @NotNull PlanRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again (its body "
                    + "carries the version); the same key with another body is 422")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/plans", request,
                () -> plans.create(request, who, Causation.fromRequest(correlationId))
                        .map(state -> IdempotentAnswer.created("/plans/" + state.plan().id,
                                PlanMapper.toView(state, who.requireOrganisation()))))
                .map(answer -> withETag(answer));
    }

    /** The created plan's ETag, on a replayed answer too (read from the stored body's {@code version}). */
    private Response withETag(IdempotentAnswer answer) {
        Response response = answer.toResponse();
        JsonNode version = answer.body() instanceof PlanView view ? json.valueToTree(view).path("version")
                : versionIn(answer.body());
        return version.isIntegralNumber()
                ? Response.fromResponse(response).header(HttpHeaders.ETAG, "\"" + version.asLong() + "\"").build()
                : response;
    }

    private JsonNode versionIn(Object storedBody) {
        try {
            JsonNode body = storedBody instanceof String text ? json.readTree(text) : json.valueToTree(storedBody);
            return body.path("version");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return json.missingNode();
        }
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlan", summary = "Read a plan the caller's organisation takes part in (ids only after its share was revoked)")
    public Uni<RestResponse<PlanView>> find(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return plans.find(id, who, Causation.fromRequest(correlationId).correlationId())
                .map(state -> withETag(state, who));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePlan", summary = "Approve the next version of the plan; If-Match with the version read is required")
    public Uni<RestResponse<PlanView>> update(@PathParam("id") UUID id, @Valid @NotNull PlanUpdateRequest request,
            @Parameter(description = "The ETag read (\"3\"); missing is 428, stale is 412") @HeaderParam("If-Match")
            String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        long expected = version(ifMatch).orElseThrow(() -> new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "send If-Match with the plan's ETag (its version)"));
        Caller who = caller.get();
        return plans.update(id, request, expected, who, Causation.fromRequest(correlationId))
                .map(state -> withETag(state, who));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(operationId = "listPlanVersions", summary = "Every approved version of the plan's content, oldest first")
    public Uni<List<PlanVersionView>> versions(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return plans.versions(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(list -> list.stream().map(PlanMapper::toView).toList());
    }

    @POST
    @Path("/{id}/responsible-worker")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "handOverResponsibleWorker", summary = "Hand the responsible worker (SHL 42 §) over to a worker of a participating organisation; "
            + "If-Match optional (412 when stale)")
    public Uni<RestResponse<PlanView>> handOver(@PathParam("id") UUID id, @Valid @NotNull HandOverRequest request,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return plans.handOver(id, request, version(ifMatch), who, Causation.fromRequest(correlationId))
                .map(state -> withETag(state, who));
    }

    @GET
    @Path("/{id}/responsible-worker/history")
    @Operation(operationId = "listResponsibleWorkerHistory", summary = "Every hand-over of the plan's responsible worker: from, to, when, why")
    public Uni<List<PlanView.HandOver>> history(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return plans.history(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(PlanMapper::history);
    }

    private static RestResponse<PlanView> withETag(PlanState state, Caller who) {
        return ResponseBuilder.ok(PlanMapper.toView(state, who.requireOrganisation()))
                .header(HttpHeaders.ETAG, etag(state)).build();
    }

    private static String etag(PlanState state) {
        return "\"" + state.plan().version + "\"";
    }

    private static OptionalLong version(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        Matcher tag = ETAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the ETag read, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(tag.group(1)));
    }
}
