package fi.yhdyspinta.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.notification.domain.WebhookDeliveryStatus;
import fi.yhdyspinta.notification.mapping.WebhookMapper;
import fi.yhdyspinta.notification.service.WebhookDeliveries;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import io.smallrye.mutiny.Uni;

/** Webhook deliveries by status (the dead-lettered ones: {@code status=DEAD}) and re-sending a dead one. */
@Path("/webhooks/deliveries")
@Tag(name = "webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPS, Roles.UNIT_LEAD })
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;
    private final CurrentCaller caller;

    public WebhookDeliveryResource(WebhookDeliveries deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listWebhookDeliveries",
            summary = "Webhook deliveries in one status, oldest first (default DEAD)",
            description = "ops: every organisation's; a unit lead: the own organisation's.")
    public Uni<List<WebhookDeliveryView>> list(@QueryParam("status") @CodeOf(WebhookDeliveryStatus.class)
            @Parameter(schema = @Schema(implementation = WebhookDeliveryStatus.class)) String status) {
        WebhookDeliveryStatus asked = QueryCodes.optional(WebhookDeliveryStatus.class, "status", status);
        return deliveries.list(asked == null ? WebhookDeliveryStatus.DEAD : asked, caller.get())
                .map(found -> found.stream().map(WebhookMapper::toView).toList());
    }

    @POST
    @Path("/{id}/resend")
    @Operation(operationId = "resendWebhookDelivery",
            summary = "Re-send a dead-lettered webhook delivery (ops, or the owning organisation's unit lead)")
    public Uni<WebhookDeliveryView> resend(@PathParam("id") UUID id) {
        return deliveries.resend(id, caller.get()).map(WebhookMapper::toView);
    }
}
