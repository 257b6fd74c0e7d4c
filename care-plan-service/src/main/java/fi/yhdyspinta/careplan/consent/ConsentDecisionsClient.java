package fi.yhdyspinta.careplan.consent;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * consent-service's {@code POST /consent-decisions}, asked with the caller's own bearer token: the caller's
 * organisation discloses, so it is the one that asks (DESIGN §7). Base URL: {@code yhdyspinta.consent-service.url}.
 */
@Path("/consent-decisions")
@RegisterRestClient(configKey = "consent-service")
public interface ConsentDecisionsClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<DecisionAnswer> decide(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Correlation-Id") String correlationId, DecisionAsked request);
}
