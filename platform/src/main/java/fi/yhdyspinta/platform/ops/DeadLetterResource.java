package fi.yhdyspinta.platform.ops;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Dead letters of the topics this service consumes, for {@code ops} only (every service has this
 * resource): listed without the events' data, and re-driven to their topic once each.
 */
@Path("/ops/dead-letters")
@Tag(name = "ops", description = "Operations (role ops): dead letters and the outbox quarantine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final CurrentCaller caller;

    public DeadLetterResource(DeadLetters deadLetters, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "The dead letters of a topic this service consumes (all of them without topic): place, "
            + "time, CloudEvent id, type and subject, reason, when re-driven — never the event's data")
    public Uni<List<DeadLetterView>> list(@QueryParam("topic") String topic) {
        return deadLetters.list(topic == null || topic.isEmpty() ? null : topic);
    }

    @POST
    // ASCII digits only: Java's number parsing also reads other scripts' digits ("١٢٣" as 123); anything else is a 404
    @Path("/{topic}/{partition: [0-9]{1,9}}/{offset: [0-9]{1,18}}/redrive")
    @Operation(operationId = "redriveDeadLetter", summary = "Publish the dead letter at this partition and offset of the topic's dead-letter topic "
            + "again to the topic; 409 when it was re-driven before")
    public Uni<DeadLetterView> redrive(@PathParam("topic") String topic, @PathParam("partition") int partition,
            @PathParam("offset") long offset) {
        return deadLetters.redrive(topic, partition, offset, caller.get().subject());
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Publish every dead letter of the topic that was not re-driven yet again to the topic")
    public Uni<RedriveReport> redriveAll(@QueryParam("topic") String topic) {
        if (topic == null || topic.isEmpty()) {
            throw ProblemException.invalidField("topic", "is required: the topic whose dead letters to re-drive");
        }
        return deadLetters.redriveAll(topic, caller.get().subject());
    }
}
