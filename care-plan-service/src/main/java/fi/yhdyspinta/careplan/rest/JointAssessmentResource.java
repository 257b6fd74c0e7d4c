package fi.yhdyspinta.careplan.rest;

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

import fi.yhdyspinta.careplan.mapping.CarePlanMapper;
import fi.yhdyspinta.careplan.service.JointAssessmentService;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Joint service-need assessments (THL 32.2 §, SHL 41 §) with one or several invited organisations. There is
 * deliberately no decline: health care cannot refuse to take part, so an invitation can only be acknowledged, and
 * each invited organisation answers only for itself.
 */
@Path("/joint-assessments")
@Tag(name = "joint-assessments", description = "Joint assessments (yhteisarviointi) of a client's needs by several organisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class JointAssessmentResource {

    private final JointAssessmentService assessments;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public JointAssessmentResource(JointAssessmentService assessments, CurrentCaller caller, Idempotency idempotency) {
        this.assessments = assessments;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(operationId = "requestJointAssessment", summary = "A social worker invites other organisations to a joint service-need assessment",
            description = "invitedOrganisations names 1–10 distinct organisations, none the caller's own, each active "
                    + "in the registry; a refusal names each field (invitedOrganisations[i]). The older single "
                    + "invitedOrganisation is still accepted as a list of one (not together with the list). Each "
                    + "invited organisation answers on its own (invitations[]).")
    @APIResponse(responseCode = "201", description = "The requested joint assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JointAssessmentView.class)))
    public Uni<Response> request(@Valid @NotNull JointAssessmentRequest request,
            @Parameter(description = "Retrying with the same key and body gives the first answer again; "
                    + "the same key with another body is 422") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/joint-assessments", request,
                () -> assessments.request(request.toCommand(), who, Causation.fromRequest(correlationId))
                        .map(a -> IdempotentAnswer.created("/joint-assessments/" + a.assessment().id,
                                CarePlanMapper.toView(a))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJointAssessment", summary = "Read a joint assessment the caller's organisation requested or was invited to")
    public Uni<JointAssessmentView> find(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return assessments.find(id, caller.get(), Causation.fromRequest(correlationId).correlationId())
                .map(CarePlanMapper::toView);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acknowledgeJointAssessment", summary = "An invited organisation acknowledges its own invitation, naming its participant and a time "
            + "(it cannot decline)")
    public Uni<JointAssessmentView> acknowledge(@PathParam("id") UUID id, @Valid @NotNull AcknowledgeRequest request,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return assessments.acknowledge(id, request, caller.get(), Causation.fromRequest(correlationId))
                .map(CarePlanMapper::toView);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(operationId = "completeJointAssessment", summary = "The requesting organisation completes a joint assessment, optionally with its coded summary "
            + "(needs found, next steps agreed) that a plan made from it starts with",
            description = "Allowed once no invitation awaits an answer within the deadline and at least one invited "
                    + "organisation acknowledged: the acknowledged ones are the contributing organisations (the plan "
                    + "seed and the archive document name them); an overdue invitation stays overdue.")
    public Uni<JointAssessmentView> complete(@PathParam("id") UUID id, @Valid CompletionRequest summary,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return assessments.complete(id, summary == null ? CompletionRequest.NONE : summary, caller.get(),
                Causation.fromRequest(correlationId))
                .map(CarePlanMapper::toView);
    }
}
