package fi.yhdyspinta.referral.rest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.platform.idempotency.Idempotency;
import fi.yhdyspinta.platform.idempotency.IdempotencyKeys;
import fi.yhdyspinta.platform.idempotency.IdempotentAnswer;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.repository.ReferralListQuery;
import fi.yhdyspinta.referral.repository.ReferralSort;
import fi.yhdyspinta.referral.service.FirstRead;
import fi.yhdyspinta.referral.service.ReferralChanges;
import fi.yhdyspinta.referral.service.ReferralRoutes;
import fi.yhdyspinta.referral.service.ReferralService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

@Path("/referrals")
@Tag(name = "referrals", description = "Referrals (lähete; FHIR ServiceRequest and Task) between organisations, and their lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ReferralResource {

    private final ReferralService referrals;
    private final FirstRead firstRead;
    private final ReferralRoutes routes;
    private final ReferralChanges changes;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final Duration maxWait;

    public ReferralResource(ReferralService referrals, FirstRead firstRead, ReferralRoutes routes,
            ReferralChanges changes, CurrentCaller caller, Idempotency idempotency,
            @ConfigProperty(name = "yhdyspinta.referrals.max-wait", defaultValue = "30s") Duration maxWait) {
        this.referrals = referrals;
        this.firstRead = firstRead;
        this.routes = routes;
        this.changes = changes;
        this.caller = caller;
        this.idempotency = idempotency;
        this.maxWait = maxWait;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReferral", summary = "Refer a client to another organisation (SHL 40 §): social care to health care or an NGO, an NGO to "
            + "public services, any professional to another organisation",
            description = "The same body and the same consent decision as POST /needs: the referral waits AWAITING_CONSENT "
                    + "and consent-service decides on need-identified, the caller's organisation disclosing. The target "
                    + "comes from the organisation registry (unknown or inactive: 400), never the caller's own.")
    @APIResponse(responseCode = "201", description = "The referral, awaiting its consent decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Uni<Response> refer(@Valid @NotNull NeedRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return idempotency.once(idempotencyKey, who, "POST", "/referrals", request,
                () -> routes.refer(request.command(), who, Causation.fromRequest(correlation))
                        .map(r -> IdempotentAnswer.created("/referrals/" + r.id, seenBy(r, who))))
                .map(IdempotentAnswer::toResponse);
    }

    @GET
    @Operation(operationId = "listReferrals", summary = "Referrals the caller's organisation sent, or received once a consent decision permitted them",
            description = "Filters: status, urgency, category, overdue (true: unanswered past its deadline). Sort: "
                    + "-createdAt (default), createdAt, dueAt. Keyset paging: at most limit (1-200, default 50) items; "
                    + "when there are more, the Link header names the next page (rel=\"next\", with its cursor). "
                    + "The body stays a plain array.")
    public Uni<RestResponse<List<ReferralView>>> list(
            @QueryParam("direction") @DefaultValue("received") @Pattern(regexp = "sent|received",
                    message = "must be sent or received") String direction,
            @QueryParam("status") @CodeOf(ReferralStatus.class)
                    @Parameter(schema = @Schema(implementation = ReferralStatus.class)) String status,
            @QueryParam("urgency") @CodeOf(Urgency.class)
                    @Parameter(schema = @Schema(implementation = Urgency.class)) String urgency,
            @QueryParam("category") @CodeOf(NeedCategory.class)
                    @Parameter(schema = @Schema(implementation = NeedCategory.class)) String category,
            @QueryParam("overdue") @Pattern(regexp = "true|false", message = "must be true or false") String overdue,
            @QueryParam("sort") @DefaultValue("-createdAt") @Pattern(regexp = "createdAt|-createdAt|dueAt",
                    message = "must be createdAt, -createdAt or dueAt") String sort,
            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "must be 1-200")
            @Max(value = 200, message = "must be 1-200") int limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Context UriInfo uri) {
        Caller who = caller.get();
        ReferralSort order = ReferralSort.ofCode(sort);
        ReferralListQuery query = new ReferralListQuery(who.requireOrganisation(), "sent".equals(direction),
                QueryCodes.optional(ReferralStatus.class, "status", status),
                QueryCodes.optional(Urgency.class, "urgency", urgency),
                QueryCodes.optional(NeedCategory.class, "category", category),
                overdue == null ? null : Boolean.valueOf(overdue), referrals.now(), order,
                ListCursor.parse(cursor, order), limit);
        return referrals.page(query, who, Causation.fromRequest(correlation).correlationId()).map(found -> {
            boolean more = found.size() > limit;
            List<Referral> page = more ? found.subList(0, limit) : found;
            ResponseBuilder<List<ReferralView>> answer = ResponseBuilder
                    .ok(page.stream().map(r -> seenBy(r, who)).toList());
            if (more) {
                String next = uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", ListCursor.after(page.get(page.size() - 1), order)).build()
                        .toString();
                answer.header("Link", "<" + next + ">; rel=\"next\"");
            }
            return answer.build();
        });
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getReferralHistory", summary = "Every transition of a referral the caller's organisation may see: from, to, when, actor organisation and role, reason code")
    public Uni<List<TransitionView>> history(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation) {
        return referrals.history(id, caller.get(), Causation.fromRequest(correlation).correlationId())
                .map(list -> list.stream().map(TransitionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReferral", summary = "Read a referral the caller's organisation sent, or received with a permit (then only the permitted data)",
            description = "The receiving organisation's first read of a SENT referral makes it RECEIVED (once). The ETag is the referral's version. With If-None-Match naming the version the reader has, the "
                    + "answer is 304 while the referral is unchanged; adding Prefer: wait=N (seconds, at most "
                    + "yhdyspinta.referrals.max-wait) holds the request until the referral changes or N seconds pass "
                    + "(long polling), so a sender learns that its referral was SENT without polling.")
    @APIResponse(responseCode = "200", description = "The referral, as the caller's organisation may see it")
    @APIResponse(responseCode = "304", description = "Unchanged: still the version named in If-None-Match")
    public Uni<RestResponse<ReferralView>> find(@PathParam("id") UUID id,
            @Parameter(description = "Versions the reader has, as ETags (\"7\")") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "wait=N: wait up to N seconds for a change (RFC 7240)") @HeaderParam("Prefer") String prefer,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        String correlationId = Causation.fromRequest(correlation).correlationId();
        ChangeWait asked = ChangeWait.of(ifNoneMatch, prefer, maxWait);
        if (!asked.waits()) {
            return firstRead.read(id, who, correlationId, answered -> true).map(r -> answer(r, who, asked, false));
        }
        io.vertx.core.Context context = Vertx.currentContext();
        ReferralChanges.Watch watch = changes.watch(id);
        // one audited READ per answer: the first read is the answer only if the reader's version is outdated
        return firstRead.read(id, who, correlationId, r -> !asked.has(r.version))
                .chain(r -> !asked.has(r.version) ? Uni.createFrom().item(r)
                        : watch.changedWithin(asked.patience())
                                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                                .chain(() -> referrals.read(id, who, correlationId, answered -> true)))
                .map(r -> answer(r, who, asked, true))
                .onTermination().invoke(watch::close);
    }

    private RestResponse<ReferralView> answer(Referral referral, Caller who, ChangeWait asked, boolean waited) {
        ResponseBuilder<ReferralView> answer = asked.has(referral.version)
                ? ResponseBuilder.<ReferralView> create(RestResponse.Status.NOT_MODIFIED)
                : ResponseBuilder.ok(seenBy(referral, who));
        answer.header(HttpHeaders.ETAG, ChangeWait.etag(referral.version));
        if (waited) {
            answer.header("Preference-Applied", "wait=" + asked.patience().toSeconds());
        }
        return answer.build();
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptReferral", summary = "The receiver accepts the referral")
    public Uni<RestResponse<ReferralView>> accept(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.accept(id, who, Causation.fromRequest(correlation), IfMatch.version(ifMatch))
                .map(r -> tagged(r, who));
    }

    @POST
    @Path("/{id}/start")
    @Operation(operationId = "startReferral", summary = "The receiver starts the service")
    public Uni<RestResponse<ReferralView>> start(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.start(id, who, Causation.fromRequest(correlation), IfMatch.version(ifMatch))
                .map(r -> tagged(r, who));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineReferral", summary = "The receiver declines, with a reason and a suggested recipient")
    public Uni<RestResponse<ReferralView>> decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.decline(id, request.reason(), request.suggestedRecipient(), who,
                Causation.fromRequest(correlation), IfMatch.version(ifMatch)).map(r -> tagged(r, who));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeReferral", summary = "The receiver completes the referral with feedback to the sender")
    public Uni<RestResponse<ReferralView>> complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.complete(id, request.outcome(), request.feedback(), who,
                Causation.fromRequest(correlation), IfMatch.version(ifMatch)).map(r -> tagged(r, who));
    }

    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "forwardReferral", summary = "The receiver forwards the referral (siirto) to another organisation, with a reason code",
            description = "From SENT, RECEIVED or ACCEPTED. The target must be active in the registry, not the forwarder and "
                    + "not the original sender. The original becomes FORWARDED and links to the new referral "
                    + "(forwardedTo); the new one (forwardedFrom = the original, sender = the forwarder) waits for its own "
                    + "consent decision: the target sees nothing of it before the permit. The answer is the new referral.")
    @APIResponse(responseCode = "201", description = "The new referral, awaiting its consent decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Uni<Response> forward(@PathParam("id") UUID id, @Valid @NotNull ForwardRequest request,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.forward(id, request.targetOrganisation(), request.reason(), who,
                Causation.fromRequest(correlation), IfMatch.version(ifMatch)).map(r -> created(r, who));
    }

    @POST
    @Path("/{id}/reroute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rerouteReferral", summary = "The sender re-routes an EXPIRED or DECLINED referral to another organisation (once)",
            description = "A new referral from the sender, same client, category, urgency and data, awaiting its own consent "
                    + "decision; the original links to it (forwardedTo). The answer is the new referral.")
    @APIResponse(responseCode = "201", description = "The new referral, awaiting its consent decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public Uni<Response> reroute(@PathParam("id") UUID id, @Valid @NotNull RerouteRequest request,
            @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.reroute(id, request.targetOrganisation(), who, Causation.fromRequest(correlation),
                IfMatch.version(ifMatch)).map(r -> created(r, who));
    }

    private static final String IF_MATCH = "The referral's ETag (version) read: a stale one is 412; absent: any version";

    private static RestResponse<ReferralView> tagged(Referral r, Caller who) {
        return ResponseBuilder.ok(seenBy(r, who)).header(HttpHeaders.ETAG, ChangeWait.etag(r.version)).build();
    }

    private static Response created(Referral r, Caller who) {
        return Response.created(java.net.URI.create("/referrals/" + r.id)).entity(seenBy(r, who))
                .header(HttpHeaders.ETAG, ChangeWait.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelReferral", summary = "The sender cancels the referral")
    public Uni<RestResponse<ReferralView>> cancel(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation,
            @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return referrals.cancel(id, who, Causation.fromRequest(correlation), IfMatch.version(ifMatch))
                .map(r -> tagged(r, who));
    }

    /** Every answer goes through the disclosure policy: the receiver sees only what was permitted. */
    private static ReferralView seenBy(Referral referral, Caller who) {
        return ReferralDisclosure.view(referral, who.requireOrganisation());
    }
}
