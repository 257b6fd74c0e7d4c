package fi.yhdyspinta.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import fi.yhdyspinta.notification.mapping.WebhookMapper;
import fi.yhdyspinta.notification.service.SubscribeWebhook;
import fi.yhdyspinta.notification.service.WebhookSubscriptions;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The own organisation's webhook subscriptions (docs/webhooks.md), managed by its unit lead. */
@Path("/webhooks")
@Tag(name = "webhooks", description = "Signed webhooks (Standard Webhooks) instead of polling the inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.UNIT_LEAD)
public class WebhookResource {

    private final WebhookSubscriptions webhooks;
    private final CurrentCaller caller;

    public WebhookResource(WebhookSubscriptions webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "subscribeWebhook",
            summary = "Subscribe a URL of the own organisation to event types that concern it",
            description = "Only https targets (http to loopback in development). Answers the signing secret once.")
    public Uni<WebhookSecretView> subscribe(@Valid @NotNull WebhookRequest request) {
        return webhooks.subscribe(new SubscribeWebhook(request.url(), request.eventTypes()), caller.get())
                .map(WebhookMapper::toView);
    }

    @GET
    @Operation(operationId = "listWebhooks",
            summary = "The own organisation's webhook subscriptions (without secrets)")
    public Uni<List<WebhookView>> list() {
        return webhooks.list(caller.get()).map(found -> found.stream().map(WebhookMapper::toView).toList());
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(operationId = "deleteWebhook",
            summary = "Delete a webhook subscription of the own organisation (its pending deliveries too)")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return webhooks.delete(id, caller.get());
    }

    @POST
    @Path("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook's signing secret",
            description = "Answers the new secret once; the previous one still signs (a second signature) during the "
                    + "configured overlap.")
    public Uni<WebhookSecretView> rotate(@PathParam("id") UUID id) {
        return webhooks.rotate(id, caller.get()).map(WebhookMapper::toView);
    }
}
