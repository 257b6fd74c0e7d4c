package fi.yhdyspinta.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.security.Caller;

/**
 * One audited act on a client's data (DESIGN §8): who, what (action, resource type and id), whose data (the
 * pseudonymous client id — an act that names no client is not audited), why ({@code purpose}) and on what
 * basis ({@code legalBasis}), both optional, how it ended ({@code PERMITTED}, or {@code REFUSED} with the
 * HTTP status 403 or 404 of the refusal) and the correlation id of the request or event chain.
 * Codes and ids only: the constructor refuses anything else, so no henkilötunnus, name or free text can
 * reach the trail.
 */
public record AuditEntry(AuditActor actor, AuditAction action, AuditResource resourceType, String resourceId,
        ClientId clientId, Purpose purpose, LegalBasis legalBasis, AuditOutcome outcome, Integer refusalStatus,
        String correlationId) {

    static final Pattern RESOURCE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(clientId, "clientId: an act that names no client is not audited");
        Objects.requireNonNull(outcome, "outcome");
        if (resourceId != null && !RESOURCE_ID.matcher(resourceId).matches()) {
            throw new IllegalArgumentException("audit resource id must be an id ([A-Za-z0-9._:-], at most 128)");
        }
        if (correlationId == null || !UUID.matcher(correlationId).matches()) {
            throw new IllegalArgumentException("audit correlation id must be a lower-case UUID");
        }
        if (outcome == AuditOutcome.PERMITTED && refusalStatus != null) {
            throw new IllegalArgumentException("a permitted act has no refusal status");
        }
        if (outcome == AuditOutcome.REFUSED && (refusalStatus == null || (refusalStatus != 403 && refusalStatus != 404))) {
            throw new IllegalArgumentException("a refused act carries its HTTP status, 403 or 404");
        }
    }

    /** A permitted act of the caller. */
    public static AuditEntry permitted(Caller caller, AuditAction action, AuditResource resourceType, String resourceId,
            ClientId clientId, Purpose purpose, LegalBasis legalBasis, String correlationId) {
        return new AuditEntry(AuditActor.of(caller), action, resourceType, resourceId, clientId, purpose, legalBasis,
                AuditOutcome.PERMITTED, null, correlationId);
    }

    /** A refused attempt of the caller: {@code status} is the answer's HTTP status, 403 or 404. */
    public static AuditEntry refused(Caller caller, AuditAction action, AuditResource resourceType, String resourceId,
            ClientId clientId, Purpose purpose, int status, String correlationId) {
        return new AuditEntry(AuditActor.of(caller), action, resourceType, resourceId, clientId, purpose, null,
                AuditOutcome.REFUSED, status, correlationId);
    }

    /** The same act on another resource of another client (a list records each client it returned). */
    public AuditEntry about(String otherResourceId, ClientId otherClientId) {
        return new AuditEntry(actor, action, resourceType, otherResourceId, otherClientId, purpose, legalBasis, outcome,
                refusalStatus, correlationId);
    }
}
