package fi.yhdyspinta.notification.ops;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The inbox of role ops (audience ops): alerts such as archive-overdue, ids and codes only. */
@Path("/ops/inbox")
@Tag(name = "ops", description = "Operations (role ops): dead letters and the outbox quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class OpsInboxResource {

    private final OpsInbox inbox;
    private final CurrentCaller caller;

    public OpsInboxResource(OpsInbox inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listOpsInbox", summary = "The ops inbox, newest first: e.g. ARCHIVE_OVERDUE, a document version the archive did not "
            + "acknowledge in time (ids and codes only)")
    public Uni<List<OpsItemView>> list(@QueryParam("unacknowledged") @Pattern(regexp = "true|false",
            message = "must be true or false") String unacknowledged) {
        return inbox.list("true".equals(unacknowledged)).map(items -> items.stream().map(OpsItemView::of).toList());
    }

    @POST
    @Path("/{id}/ack")
    @Operation(operationId = "acknowledgeOpsInboxItem", summary = "Acknowledge an ops inbox item (the first acknowledgement is kept)")
    public Uni<OpsItemView> acknowledge(@PathParam("id") UUID id) {
        return inbox.acknowledge(id, caller.get()).map(OpsItemView::of);
    }
}
