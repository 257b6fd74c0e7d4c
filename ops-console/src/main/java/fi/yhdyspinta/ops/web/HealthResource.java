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

/** Health of every service (their /q/health, with the database's check), the broker, and each audit chain. */
@Path("/health")
@RolesAllowed("ops")
public class HealthResource {

    private final Broker broker;
    private final OpsServices services;

    public HealthResource(Broker broker, OpsServices services) {
        this.broker = broker;
        this.services = services;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance health(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Localized.page(Pages.health(broker.brokers(), services.health()), uri, headers);
    }
}
