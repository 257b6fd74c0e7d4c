package fi.yhdyspinta.consent.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.ConsentMapper;
import fi.yhdyspinta.consent.service.ProhibitionService;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/prohibitions")
@Tag(name = "prohibitions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD,
        Roles.CLIENT })
public class ProhibitionResource {

    private final ProhibitionService prohibitions;
    private final CurrentCaller caller;

    public ProhibitionResource(ProhibitionService prohibitions, CurrentCaller caller) {
        this.prohibitions = prohibitions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a prohibition of disclosure (PotL 13 §): by the client, or by a professional on the client's word")
    public Uni<Response> record(@Valid @NotNull ProhibitionRequest request) {
        return prohibitions.record(request, caller.get())
                .map(p -> Response.created(URI.create("/prohibitions/" + p.id)).entity(ConsentMapper.toView(p))
                        .build());
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke a prohibition: by the client, or by the organisation that recorded it")
    public Uni<ProhibitionView> revoke(@PathParam("id") UUID id) {
        return prohibitions.revoke(id, caller.get()).map(ConsentMapper::toView);
    }
}
