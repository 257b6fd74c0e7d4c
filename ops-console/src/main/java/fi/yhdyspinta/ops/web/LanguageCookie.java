package fi.yhdyspinta.ops.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Keeps the language the switch chose ({@code ?lang=}) in a cookie for the next pages. */
public class LanguageCookie {

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getUriInfo().getQueryParameters().getFirst(Language.PARAMETER);
        if (asked != null && Language.SUPPORTED.contains(asked)) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Language.COOKIE).value(asked).path("/")
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build());
        }
    }
}
