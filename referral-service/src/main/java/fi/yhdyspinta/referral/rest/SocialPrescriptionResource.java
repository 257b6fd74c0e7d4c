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

import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.referral.service.SocialPrescriptions.Prescribed;
import fi.yhdyspinta.referral.service.SocialPrescriptions;
import io.smallrye.mutiny.Uni;

/** Social prescribing (hyvinvointilähete): prescribe an NGO activity, the NGO confirms start and attendance. */
@Path("/social-prescriptions")
@Tag(name = "social-prescriptions", description = "Social prescriptions (sosiaalinen resepti): a referral to an NGO activity, with its own states")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class SocialPrescriptionResource {

    private static final String IF_MATCH = "The ETag (its referral's version) read: a stale one is 412; absent: any";

    private final SocialPrescriptions prescriptions;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public SocialPrescriptionResource(SocialPrescriptions prescriptions, CurrentCaller caller, Idempotency idempotency) {
        this.prescriptions = prescriptions;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER })
    @Operation(operationId = "createSocialPrescription", summary = "A professional prescribes an NGO activity of the service directory (purpose SOCIAL_PRESCRIBING)",
            description = "The activity must be an active NGO offering with capacity (YES or WAITLIST) serving the need "
                    + "category. Its referral carries NEED_SUMMARY and CONTACT_DETAILS only and waits for the consent "
                    + "decision like any referral: the NGO sees nothing before the permit.")
    @APIResponse(responseCode = "201", description = "The prescription, its referral awaiting consent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SocialPrescriptionView.class)))
    public Uni<Response> prescribe(@Valid @NotNull SocialPrescriptionRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/social-prescriptions", request,
                () -> prescriptions.prescribe(request.command(), who, Causation.fromRequest(correlation))
                        .map(p -> IdempotentAnswer.created("/social-prescriptions/" + p.referral().id,
                                SocialPrescriptionView.of(p, who.requireOrganisation()))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSocialPrescription", summary = "Read a social prescription the caller's organisation prescribed, or offers with a permit")
    public Uni<RestResponse<SocialPrescriptionView>> find(@PathParam("id") UUID id) {
        Caller who = caller.get();
        return prescriptions.find(id, who).map(p -> tagged(p, who));
    }

    @POST
    @Path("/{id}/start")
    @Operation(operationId = "startSocialPrescription", summary = "The NGO confirms that the client started the activity")
    public Uni<RestResponse<SocialPrescriptionView>> start(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return prescriptions.start(id, who, Causation.fromRequest(correlation), IfMatch.version(ifMatch))
                .map(p -> tagged(p, who));
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordAttendance", summary = "The NGO reports the attendance: ATTENDED, DID_NOT_ATTEND or DECLINED; the prescriber hears it")
    public Uni<RestResponse<SocialPrescriptionView>> attendance(@PathParam("id") UUID id,
            @Valid @NotNull AttendanceRequest request, @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return prescriptions.attendance(id, request.attendance(), who, Causation.fromRequest(correlation),
                IfMatch.version(ifMatch)).map(p -> tagged(p, who));
    }

    private static RestResponse<SocialPrescriptionView> tagged(Prescribed p, Caller who) {
        return ResponseBuilder.ok(SocialPrescriptionView.of(p, who.requireOrganisation()))
                .header(HttpHeaders.ETAG, ChangeWait.etag(p.referral().version)).build();
    }
}
