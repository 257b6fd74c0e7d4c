package fi.yhdyspinta.referral.rest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.mapping.ReferralDisclosure;
import fi.yhdyspinta.referral.service.ReferralChanges;
import fi.yhdyspinta.referral.service.ReferralService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@Path("/referrals")
@Tag(name = "referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ReferralResource {

    private final ReferralService referrals;
    private final ReferralChanges changes;
    private final CurrentCaller caller;
    private final Duration maxWait;

    public ReferralResource(ReferralService referrals, ReferralChanges changes, CurrentCaller caller,
            @ConfigProperty(name = "yhdyspinta.referrals.max-wait", defaultValue = "30s") Duration maxWait) {
        this.referrals = referrals;
        this.changes = changes;
        this.caller = caller;
        this.maxWait = maxWait;
    }

    @GET
    @Operation(summary = "Referrals the caller's organisation sent, or received once a consent decision permitted them")
    public Uni<List<ReferralView>> list(
            @QueryParam("direction") @DefaultValue("received") @Pattern(regexp = "sent|received",
                    message = "must be sent or received") String direction,
            @QueryParam("status") String status, @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.list(who, "sent".equals(direction),
                QueryCodes.optional(ReferralStatus.class, "status", status),
                Causation.fromRequest(correlation).correlationId())
                .map(list -> list.stream().map(r -> seenBy(r, who)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a referral the caller's organisation sent, or received with a permit (then only the permitted data)",
            description = "The ETag is the referral's version. With If-None-Match naming the version the reader has, the "
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
            return referrals.read(id, who, correlationId, answered -> true).map(r -> answer(r, who, asked, false));
        }
        Context context = Vertx.currentContext();
        ReferralChanges.Watch watch = changes.watch(id);
        // one audited READ per answer: the first read is the answer only if the reader's version is outdated
        return referrals.read(id, who, correlationId, r -> !asked.has(r.version))
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
    @Operation(summary = "The receiver accepts the referral")
    public Uni<ReferralView> accept(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.accept(id, who, Causation.fromRequest(correlation)).map(r -> seenBy(r, who));
    }

    @POST
    @Path("/{id}/start")
    @Operation(summary = "The receiver starts the service")
    public Uni<ReferralView> start(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.start(id, who, Causation.fromRequest(correlation)).map(r -> seenBy(r, who));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The receiver declines, with a reason and a suggested recipient")
    public Uni<ReferralView> decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.decline(id, request.reason(), request.suggestedRecipient(), who,
                Causation.fromRequest(correlation)).map(r -> seenBy(r, who));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The receiver completes the referral with feedback to the sender")
    public Uni<ReferralView> complete(@PathParam("id") UUID id, @Valid @NotNull CompleteRequest request,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.complete(id, request.outcome(), request.feedback(), who,
                Causation.fromRequest(correlation)).map(r -> seenBy(r, who));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "The sender cancels the referral")
    public Uni<ReferralView> cancel(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation) {
        Caller who = caller.get();
        return referrals.cancel(id, who, Causation.fromRequest(correlation)).map(r -> seenBy(r, who));
    }

    /** Every answer goes through the disclosure policy: the receiver sees only what was permitted. */
    private static ReferralView seenBy(Referral referral, Caller who) {
        return ReferralDisclosure.view(referral, who.requireOrganisation());
    }
}
