package fi.yhdyspinta.consent.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.consent.mapping.AccessLogMapper;
import fi.yhdyspinta.consent.service.AccessLogService;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.security.CurrentCaller;
import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /audit/records?client=} for a unit lead: the audit records of one client of the acts of the lead's own
 * organisation, in every service, newest first — another organisation's acts never appear. The read is audited.
 */
@Path("/audit/records")
@Tag(name = "audit", description = "The audit trail: who read or changed a client's data, and the check of the sealed chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.UNIT_LEAD)
public class AuditRecordsResource {

    private final AccessLogService accessLog;
    private final CurrentCaller caller;

    public AuditRecordsResource(AccessLogService accessLog, CurrentCaller caller) {
        this.accessLog = accessLog;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listClientAuditRecords", summary = "A client's audit records of the caller's own organisation's acts, newest first, paged")
    public Uni<AuditRecordsView> ofClient(
            @Parameter(description = "The pseudonymous client id (64 lower-case hex)") @QueryParam("client") @NotNull String client,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("before") String before,
            @Parameter(description = "Records per page, 1–200 (50)") @QueryParam("limit") String limit,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        return accessLog.ofOwnOrganisation(caller.get(), client, before, limit,
                Causation.fromRequest(correlationId).correlationId()).map(AccessLogMapper::toOrganisationView);
    }
}
