package fi.yhdyspinta.careplan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.careplan.service.ClientOverviewService;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/clients/{clientId}/overview")
@Tag(name = "clients", description = "One client's overview across the services, for professionals with a permit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ClientOverviewResource {

    private final ClientOverviewService overviews;
    private final CurrentCaller caller;

    public ClientOverviewResource(ClientOverviewService overviews, CurrentCaller caller) {
        this.overviews = overviews;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getClientOverview", summary = "Referrals and joint assessments of the client that the caller's organisation is party to")
    public Uni<ClientOverview> overview(@PathParam("clientId") String clientId,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return overviews.overview(clientId, caller.get(), Causation.fromRequest(correlationId).correlationId());
    }
}
