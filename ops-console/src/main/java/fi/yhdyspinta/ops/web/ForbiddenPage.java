package fi.yhdyspinta.ops.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;

/** A logged-in user without role {@code ops} gets a 403 page that shows nothing of the console. */
public class ForbiddenPage {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused, UriInfo uri, HttpHeaders headers) {
        String page = Localized.page(Pages.forbidden(), uri, headers).render();
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page).build();
    }
}
