package fi.yhdyspinta.referral.rest;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse;

import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.ServiceLanguage;
import fi.yhdyspinta.referral.domain.ServiceOffering;
import fi.yhdyspinta.referral.repository.DirectoryQuery;
import fi.yhdyspinta.referral.service.ServiceDirectory;
import io.smallrye.mutiny.Uni;

/** The service directory (palveluhakemisto): where a client could be referred, and whether there is room. */
@Path("/services")
@Tag(name = "service directory", description = "The service directory (palveluhakemisto): the services organisations offer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROFESSIONAL, Roles.HEALTH_PROFESSIONAL, Roles.SOCIAL_WORKER, Roles.NGO_WORKER, Roles.UNIT_LEAD })
public class ServiceResource {

    private final ServiceDirectory directory;
    private final CurrentCaller caller;

    public ServiceResource(ServiceDirectory directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "searchServices", summary = "Search active offerings by need category, municipality, language and capacity")
    public Uni<List<ServiceView>> search(
            @QueryParam("category") @CodeOf(NeedCategory.class)
                    @Parameter(schema = @Schema(implementation = NeedCategory.class)) String category,
            @QueryParam("municipality") @Pattern(regexp = "\\d{3}", message = "must be a three-digit municipality code")
            String municipality,
            @Parameter(description = "fi, sv, en or se", schema = @Schema(enumeration = { "fi", "sv", "en", "se" }))
            @QueryParam("language") @Pattern(regexp = "fi|sv|en|se", message = "must be one of fi, sv, en, se")
            String language,
            @QueryParam("capacity") @CodeOf(Capacity.class)
                    @Parameter(schema = @Schema(implementation = Capacity.class)) String capacity,
            @QueryParam("organisation") @Pattern(regexp = "[0-9.]{1,64}", message = "must be an organisation OID")
            String organisation,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        DirectoryQuery query = new DirectoryQuery(QueryCodes.optional(NeedCategory.class, "category", category),
                municipality, language(language), QueryCodes.optional(Capacity.class, "capacity", capacity),
                organisation, page, size);
        return directory.search(query).map(found -> found.stream().map(ServiceView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getService", summary = "Read one offering (ETag = its version)")
    public Uni<RestResponse<ServiceView>> find(@PathParam("id") UUID id) {
        return directory.find(id).map(ServiceResource::withETag);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNIT_LEAD)
    @Operation(operationId = "registerService", summary = "The unit lead registers an offering of their own organisation")
    public Uni<RestResponse<ServiceView>> register(@Valid @NotNull ServiceRequest request) {
        return directory.register(request.details(), caller.get())
                .map(offering -> ResponseBuilder.<ServiceView> created(URI.create("/services/" + offering.id))
                        .entity(ServiceView.of(offering))
                        .header(HttpHeaders.ETAG, etag(offering)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNIT_LEAD)
    @Operation(operationId = "updateService", summary = "The unit lead of the offering organisation changes it; If-Match (its version) guards against lost updates")
    public Uni<RestResponse<ServiceView>> change(@PathParam("id") UUID id, @Valid @NotNull ServiceRequest request,
            @Parameter(description = "The version read (\"3\"); a stale one is 412") @HeaderParam("If-Match") String ifMatch) {
        return directory.change(id, request.details(), version(ifMatch), caller.get()).map(ServiceResource::withETag);
    }

    private static RestResponse<ServiceView> withETag(ServiceOffering offering) {
        return ResponseBuilder.ok(ServiceView.of(offering)).header(HttpHeaders.ETAG, etag(offering)).build();
    }

    private static String etag(ServiceOffering offering) {
        return "\"" + offering.version + "\"";
    }

    private static ServiceLanguage language(String code) {
        if (code == null) {
            return null;
        }
        return ServiceLanguage.ofCode(code)
                .orElseThrow(() -> ProblemException.invalidField("language", "must be one of fi, sv, en, se"));
    }

    private static OptionalLong version(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$").matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the ETag read, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(tag.group(1)));
    }
}
