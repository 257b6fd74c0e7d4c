package fi.yhdyspinta.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fi.yhdyspinta.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /audit/verify} (every service has it), for {@code auditor} and {@code ops}: walks the service's
 * audit chain and compares it with the published anchors. No client data in the answer: counts, positions,
 * hashes and a reason code.
 */
@Path("/audit/verify")
@Tag(name = "audit", description = "The audit trail: who read or changed a client's data, and the check of the sealed chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AUDITOR, Roles.OPS })
public class AuditVerifyResource {

    private final AuditVerifier verifier;

    public AuditVerifyResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Operation(operationId = "verifyAuditChain", summary = "Verify this service's audit hash chain: OK with the count and head, or BROKEN with the first "
            + "broken position and why (EDITED, DELETED, INSERTED, REORDERED, ANCHOR_MISMATCH); also how many "
            + "published anchors were compared and how many records wait to be sealed")
    public Uni<ChainVerification> verify() {
        return verifier.verify();
    }
}
