package fi.yhdyspinta.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import fi.yhdyspinta.notification.domain.NotificationType;
import fi.yhdyspinta.notification.mapping.NotificationMapper;
import fi.yhdyspinta.notification.service.InboxService;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import io.smallrye.mutiny.Uni;

@Path("/inbox")
@Tag(name = "inbox", description = "The organisation's notification inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class InboxResource {

    private final InboxService inbox;
    private final CurrentCaller caller;

    public InboxResource(InboxService inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listInboxNotifications", summary = "The caller organisation's inbox, newest first",
            description = "audience=unit-lead: only the escalations addressed to the unit lead (overdue and expired "
                    + "referrals, overdue joint-assessment invitations); each item says its audience.")
    public Uni<List<NotificationView>> list(@QueryParam("type") @CodeOf(NotificationType.class)
            @Parameter(schema = @Schema(implementation = NotificationType.class)) String type,
            @QueryParam("audience") @Pattern(regexp = "unit-lead", message = "must be unit-lead") String audience,
            @QueryParam("unacknowledged") @Pattern(regexp = "true|false", message = "must be true or false")
            String unacknowledged, @HeaderParam("X-Correlation-Id") String correlation) {
        return inbox.list(caller.get(), QueryCodes.optional(NotificationType.class, "type", type), audience != null,
                "true".equals(unacknowledged), Causation.fromRequest(correlation).correlationId())
                .map(items -> items.stream().map(NotificationMapper::toView).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getInboxNotification", summary = "Read an item of the caller organisation's inbox")
    public Uni<NotificationView> find(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String correlation) {
        return inbox.find(id, caller.get(), Causation.fromRequest(correlation).correlationId())
                .map(NotificationMapper::toView);
    }

    @POST
    @Path("/{id}/ack")
    @Operation(operationId = "acknowledgeInboxNotification", summary = "Acknowledge an item of the caller organisation's inbox")
    public Uni<NotificationView> acknowledge(@PathParam("id") UUID id,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return inbox.acknowledge(id, caller.get(), Causation.fromRequest(correlation).correlationId())
                .map(NotificationMapper::toView);
    }
}
