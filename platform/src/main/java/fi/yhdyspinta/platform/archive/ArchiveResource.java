package fi.yhdyspinta.platform.archive;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.platform.audit.AuditEntry;
import fi.yhdyspinta.platform.audit.AuditTrail;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.QueryCodes;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import fi.yhdyspinta.platform.validation.CodeOf;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The archive feed (Kanta-style, DESIGN §9) of every service, for role {@code archive} only (everyone else 403):
 * regional IT pulls the documents after its cursor, pulls each document (FHIR R4 document Bundle, the only answer of
 * the suite that carries the henkilötunnus; audited as EXPORT) and acknowledges each version with its archive id.
 */
@Path("/archive/documents")
@Tag(name = "archive", description = "The archive feed (Kanta-style) that regional archiving pulls (role archive)")
@RolesAllowed(Roles.ARCHIVE)
public class ArchiveResource {

    /** FHIR's JSON media type (R4 §3.1.0.1.9). */
    public static final String FHIR_JSON = "application/fhir+json";

    private final ArchiveDocuments documents;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    public ArchiveResource(ArchiveDocuments documents, AuditTrail audit, CurrentCaller caller) {
        this.documents = documents;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listArchiveDocuments", summary = "The documents after a cursor, in stable cursor order: the latest version of each (a correction "
            + "replaces the version before it); next = the cursor to ask after next time. Ids and codes only.")
    public Uni<ArchiveFeedPage> feed(@QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("register") @CodeOf(ArchiveRegister.class)
                    @Parameter(schema = @Schema(implementation = ArchiveRegister.class)) String register) {
        long afterCursor = number("after", after, 0, Long.MAX_VALUE, 0);
        int pageSize = (int) number("limit", limit, 1, ArchiveDocuments.MAX_LIMIT, 100);
        Optional<ArchiveRegister> registerCode = Optional.ofNullable(
                QueryCodes.optional(ArchiveRegister.class, "register", register));
        return documents.feed(afterCursor, pageSize, registerCode);
    }

    @GET
    @Path("/{id}")
    @Produces({ FHIR_JSON, MediaType.APPLICATION_JSON })
    @Operation(operationId = "getArchiveDocument", summary = "One document: its FHIR R4 Bundle (type document), the latest version or ?version=; the same "
            + "bytes at every pull. Audited as EXPORT of the client's data.")
    public Uni<Response> document(@PathParam("id") UUID id, @QueryParam("version") String version,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Optional<Integer> wanted = version == null || version.isEmpty() ? Optional.empty()
                : Optional.of((int) number("version", version, 1, Integer.MAX_VALUE, 1));
        String correlation = Causation.fromRequest(correlationId).correlationId();
        return documents.find(id, wanted).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("archive document"));
            }
            ArchiveDocuments.StoredDocument document = found.get();
            AuditEntry exported = AuditEntry.permitted(caller.get(), AuditAction.EXPORT, AuditResource.ARCHIVE_DOCUMENT,
                    id + ":" + document.version().version(), new ClientId(document.clientId()), null, null,
                    correlation);
            return Panache.withTransaction(() -> audit.record(exported))
                    .replaceWith(Response.ok(document.bundle(), FHIR_JSON)
                            .header("ETag", "\"" + document.version().version() + "\"").build());
        });
    }

    @POST
    @Path("/{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acknowledgeArchiveDocument", summary = "Acknowledge a version as archived, with the archive's id for it. Idempotent: the same "
            + "archiveId again answers the same; another archiveId for an acknowledged version is 409.")
    public Uni<ArchiveAckView> acknowledge(@PathParam("id") UUID id, @Valid @NotNull ArchiveAck ack) {
        return documents.acknowledge(id, ack);
    }

    private static long number(String parameter, String value, long min, long max, long absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw ProblemException.invalidField(parameter, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(parameter, "must be a whole number");
        }
    }
}
