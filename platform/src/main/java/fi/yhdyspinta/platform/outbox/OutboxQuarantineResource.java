package fi.yhdyspinta.platform.outbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Ops (role {@code ops}): the outbox rows of this service that the broker refused for good. */
@Path("/ops/outbox/quarantine")
@Tag(name = "ops", description = "Operations (role ops): dead letters and the outbox quarantine")
@RolesAllowed(Roles.OPS)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxQuarantineResource {

    private final OutboxQuarantine quarantine;

    public OutboxQuarantineResource(OutboxQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** Ids, type, topic, reason and times of each quarantined row, oldest first; never the payload. */
    @GET
    @Operation(operationId = "listQuarantinedEvents", summary = "The outbox rows the broker refused for good, oldest "
            + "first: ids, type, topic, reason and times; never the payload")
    public Uni<List<QuarantinedEvent>> list() {
        return quarantine.list();
    }

    /** The row becomes pending again and is published (or quarantined again) by the next relay round. */
    @POST
    @Path("/{position: [0-9]{1,18}}/redrive")
    @Operation(operationId = "redriveQuarantinedEvent", summary = "Make a quarantined row pending again: the next relay "
            + "round publishes it (or quarantines it again)")
    public Uni<Void> redrive(@PathParam("position") long position) {
        return quarantine.redrive(position).map(found -> found(found, position));
    }

    /** The row is deleted: its event is given up. */
    @DELETE
    @Path("/{position: [0-9]{1,18}}")
    @Operation(operationId = "dropQuarantinedEvent", summary = "Delete a quarantined row: its event is given up")
    public Uni<Void> drop(@PathParam("position") long position) {
        return quarantine.drop(position).map(found -> found(found, position));
    }

    private static Void found(boolean found, long position) {
        if (!found) {
            throw ProblemException.notFound("quarantined outbox row " + position);
        }
        return null;
    }
}
