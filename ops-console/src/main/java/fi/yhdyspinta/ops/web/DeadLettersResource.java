package fi.yhdyspinta.ops.web;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import fi.yhdyspinta.ops.services.OpsServices;
import io.quarkus.qute.TemplateInstance;

/**
 * Dead letters (kuolleet viestit) of every service's consumed topics, and their re-drive through the service's own
 * ops endpoint as the logged-in engineer: a confirmation page first, then a POST.
 */
@Path("/dead-letters")
@RolesAllowed("ops")
public class DeadLettersResource {

    private final OpsServices services;

    public DeadLettersResource(OpsServices services) {
        this.services = services;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("answered") Integer answered, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return Localized.page(Pages.deadLetters(services.deadLetters(), answered), uri, headers);
    }

    /** What would be re-driven: one letter (partition and offset given) or all of the topic. */
    @GET
    @Path("confirm")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm(@QueryParam("service") String service, @QueryParam("topic") String topic,
            @QueryParam("partition") Integer partition, @QueryParam("offset") Long offset, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        known(service, topic);
        return Localized.page(Pages.confirm(service, topic, partition, offset), uri, headers);
    }

    @POST
    @Path("redrive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redrive(@FormParam("service") String service, @FormParam("topic") String topic,
            @FormParam("partition") Integer partition, @FormParam("offset") Long offset) {
        known(service, topic);
        int status = partition == null || offset == null ? services.redriveAll(service, topic)
                : services.redrive(service, topic, partition, offset);
        return Response.seeOther(URI.create("/dead-letters?answered=" + status)).build();
    }

    private void known(String service, String topic) {
        if (service == null || !services.names().contains(service)) {
            throw new BadRequestException("service must be one of " + services.names());
        }
        if (topic == null || !topic.matches("[a-z0-9.-]{1,100}")) {
            throw new BadRequestException("topic must be a topic name");
        }
    }
}
