package fi.yhdyspinta.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.notification.mapping.NotificationMapper;
import fi.yhdyspinta.notification.service.ChannelService;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import io.smallrye.mutiny.Uni;

@Path("/organisations/{oid}/channels")
@Tag(name = "channels", description = "How an organisation is notified: its channels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UNIT_LEAD, Roles.ADMIN })
public class ChannelResource {

    private final ChannelService channels;
    private final CurrentCaller caller;

    public ChannelResource(ChannelService channels, CurrentCaller caller) {
        this.channels = channels;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOrganisationChannels", summary = "Set how the organisation hears of new inbox items besides the inbox (e-mail)")
    public Uni<ChannelView> update(@PathParam("oid") @OrganisationOid String oid,
            @Valid @NotNull ChannelRequest request) {
        return channels.update(oid, request.command(), caller.get()).map(NotificationMapper::toView);
    }

    @GET
    @Operation(operationId = "getOrganisationChannels", summary = "The organisation's channel preferences")
    public Uni<ChannelView> find(@PathParam("oid") @OrganisationOid String oid) {
        return channels.find(oid, caller.get()).map(NotificationMapper::toView);
    }
}
