package fi.yhdyspinta.consent.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.OrganisationMapper;
import fi.yhdyspinta.consent.service.OrganisationService;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import fi.yhdyspinta.platform.validation.OrganisationOid;
import io.smallrye.mutiny.Uni;

/** The organisation registry: read by professionals, managed by {@code admin}. */
@Path("/organisations")
@Tag(name = "organisations", description = "The organisation registry: organisations by OID under 1.2.246.10. (SOTE organisation register)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD,
        Roles.ADMIN })
public class OrganisationResource {

    private final OrganisationService organisations;

    public OrganisationResource(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GET
    @Operation(operationId = "searchOrganisations", summary = "The registry's organisations, optionally of one sector and/or municipality")
    public Uni<List<OrganisationView>> search(@QueryParam("sector") @CodeOf(Sector.class)
            @Parameter(schema = @Schema(implementation = Sector.class)) String sector,
            @QueryParam("municipality") @Pattern(regexp = "^[0-9]{3}$",
                    message = "must be a three-digit municipality code") String municipality) {
        Sector code = QueryCodes.optional(Sector.class, "sector", sector);
        return organisations.search(code, municipality)
                .map(list -> list.stream().map(OrganisationMapper::toView).toList());
    }

    @GET
    @Path("/{oid}")
    @Operation(operationId = "getOrganisation", summary = "One organisation of the registry")
    public Uni<OrganisationView> find(@PathParam("oid") @Size(max = 64) @OrganisationOid String oid) {
        return organisations.find(oid).map(OrganisationMapper::toView);
    }

    @PUT
    @Path("/{oid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putOrganisation", summary = "Register an organisation or change it (admin): 201 when new, else 200; every change "
            + "bumps the version and is announced as organisation-changed")
    @APIResponse(responseCode = "201", description = "A new organisation in the registry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "200", description = "The organisation, changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public Uni<Response> put(@PathParam("oid") @Size(max = 64) @OrganisationOid String oid,
            @Valid @NotNull OrganisationRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return organisations.put(oid, request.command(), Causation.fromRequest(correlationId)).map(registered -> {
            OrganisationView view = OrganisationMapper.toView(registered.organisation());
            return registered.created()
                    ? Response.created(URI.create("/organisations/" + oid)).entity(view).build()
                    : Response.ok(view).build();
        });
    }
}
