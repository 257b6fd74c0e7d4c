package fi.yhdyspinta.ops.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import fi.yhdyspinta.ops.lag.Broker;
import fi.yhdyspinta.ops.services.OpsServices;
import io.quarkus.qute.TemplateInstance;

/** Consumer lag per group and partition; outbox backlog, quarantined rows and inbox outcomes per service. */
@Path("/lag")
@RolesAllowed("ops")
public class LagResource {

    private final Broker broker;
    private final OpsServices services;

    public LagResource(Broker broker, OpsServices services) {
        this.broker = broker;
        this.services = services;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance lag(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Localized.page(Pages.lag(broker.lag(), services.backlogs()), uri, headers);
    }
}
