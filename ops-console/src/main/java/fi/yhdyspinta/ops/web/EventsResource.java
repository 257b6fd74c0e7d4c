package fi.yhdyspinta.ops.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestStreamElementType;

import fi.yhdyspinta.ops.events.EventFeed;
import fi.yhdyspinta.ops.events.EventFilter;
import fi.yhdyspinta.ops.events.EventSummary;
import fi.yhdyspinta.ops.events.EventTap;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;

/** The live event stream (tapahtumavirta) and one correlation id's timeline, for role {@code ops}. */
@Path("/")
@RolesAllowed("ops")
public class EventsResource {

    private static final int FIRST_ROWS = 200;

    private final EventFeed feed;
    private final EventTap tap;

    public EventsResource(EventFeed feed, EventTap tap) {
        this.feed = feed;
        this.tap = tap;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public jakarta.ws.rs.core.Response home() {
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/events")).build();
    }

    /** The stream page: the latest kept events that match, then new ones as they arrive (server-sent events). */
    @GET
    @Path("events")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance events(@QueryParam("topic") String topic, @QueryParam("type") String type,
            @QueryParam("correlation") String correlation, @Context UriInfo uri, @Context HttpHeaders headers) {
        EventFilter filter = new EventFilter(topic, type, correlation);
        return Localized.page(Pages.events(tap.topics(), filter, feed.recent(filter, FIRST_ROWS)), uri, headers);
    }

    /** New events that match the filter, one server-sent event each (JSON of ids, codes and states). */
    @GET
    @Path("events/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<EventSummary> stream(@QueryParam("topic") String topic, @QueryParam("type") String type,
            @QueryParam("correlation") String correlation) {
        return feed.live(new EventFilter(topic, type, correlation));
    }

    /** One correlation id's events across services, oldest first, and new ones as they arrive. */
    @GET
    @Path("timeline/{correlation}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance timeline(@PathParam("correlation") String correlation, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return Localized.page(Pages.timeline(correlation, feed.timeline(correlation)), uri, headers);
    }
}
