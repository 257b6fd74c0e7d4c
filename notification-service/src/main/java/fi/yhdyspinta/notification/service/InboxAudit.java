package fi.yhdyspinta.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.notification.domain.Notification;
import fi.yhdyspinta.platform.audit.RefusedAccess;
import fi.yhdyspinta.platform.audit.AuditEntry;
import fi.yhdyspinta.platform.audit.AuditTrail;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What notification-service writes to the audit trail (lokitiedot, DESIGN §8): every read of the professional
 * inbox (saapuneet) — each item names a client by its pseudonymous id — in the read's own transaction: a list one
 * LIST record per item it returned, an item READ, an acknowledgement UPDATE (READ when the item was acknowledged
 * already: nothing changed, the answer showed it); and every refused attempt on an existing item (404: it belongs
 * to another organisation), as a {@link RefusedAccess} recorded after the transaction. Purpose: the item's, if it
 * carries one; an inbox item carries no legal basis. Turning events into items is not an actor's act and is not
 * recorded.
 */
@ApplicationScoped
public class InboxAudit {

    private final AuditTrail trail;

    public InboxAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** A list answer: one record per item it returned. */
    public Uni<Void> listed(Caller caller, List<Notification> items, String correlationId) {
        return trail.recordAll(items.stream().map(item -> onItem(caller, AuditAction.LIST, item, correlationId))
                .toList());
    }

    public Uni<Void> read(Caller caller, Notification item, String correlationId) {
        return trail.record(onItem(caller, AuditAction.READ, item, correlationId));
    }

    public Uni<Void> acknowledged(Caller caller, Notification item, String correlationId) {
        return trail.record(onItem(caller, AuditAction.UPDATE, item, correlationId));
    }

    /** The item exists but belongs to another organisation: 404, recorded as refused. */
    public RefusedAccess hidden(Caller caller, AuditAction action, Notification item, String correlationId) {
        ProblemException problem = ProblemException.notFound("inbox item");
        return new RefusedAccess(problem, AuditEntry.refused(caller, action, AuditResource.INBOX_ITEM,
                item.id.toString(), clientId(item), item.purpose, problem.type().status().getStatusCode(),
                correlationId));
    }

    /** Writes a refused attempt in a transaction of its own: call it once the request's transaction has ended. */

    private static AuditEntry onItem(Caller caller, AuditAction action, Notification item, String correlationId) {
        return AuditEntry.permitted(caller, action, AuditResource.INBOX_ITEM, item.id.toString(), clientId(item),
                item.purpose, null, correlationId);
    }

    /** The column is char(64): the pseudonymous id itself, without padding. */
    private static ClientId clientId(Notification item) {
        return new ClientId(item.clientId.strip());
    }
}
