package fi.yhdyspinta.consent.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.ConsentService;
import fi.yhdyspinta.consent.service.DecisionService;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The client's own view: their consents, and who was given or asked for their data (the access log). */
@Path("/me")
@Tag(name = "client")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MeResource {

    private final ConsentService consents;
    private final DecisionService decisions;
    private final CurrentCaller caller;

    public MeResource(ConsentService consents, DecisionService decisions, CurrentCaller caller) {
        this.consents = consents;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/consents")
    @Operation(summary = "The calling client's own consents and refusals")
    public Uni<List<ConsentView>> consents() {
        return consents.mine(caller.get()).map(list -> list.stream().map(ConsentMapper::toView).toList());
    }

    @GET
    @Path("/access-log")
    @Operation(summary = "Every consent decision about the calling client's data, statutory ones marked")
    public Uni<List<AccessLogEntry>> accessLog() {
        return decisions.accessLog(caller.get())
                .map(list -> list.stream().map(ConsentMapper::toAccessLogEntry).toList());
    }
}
