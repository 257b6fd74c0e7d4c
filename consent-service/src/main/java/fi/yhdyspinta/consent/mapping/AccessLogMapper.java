package fi.yhdyspinta.consent.mapping;

import java.util.UUID;

import fi.yhdyspinta.consent.domain.AccessLogCursor;
import fi.yhdyspinta.consent.domain.AccessLogRecord;
import fi.yhdyspinta.consent.domain.ConsentDecision;
import fi.yhdyspinta.consent.rest.AccessLogEntry;
import fi.yhdyspinta.consent.rest.AccessLogView;
import fi.yhdyspinta.consent.rest.AuditRecordView;
import fi.yhdyspinta.consent.rest.AuditRecordsView;
import fi.yhdyspinta.consent.service.AccessLogPage;
import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditResource;

/** Access log pages to the client's view (no account ids) and to the unit lead's view (with them). */
public final class AccessLogMapper {

    private AccessLogMapper() {
    }

    public static AccessLogView toClientView(AccessLogPage page) {
        return new AccessLogView(page.entries().stream().map(e -> toEntry(e, page)).toList(),
                page.next().map(AccessLogCursor::token).orElse(null));
    }

    public static AuditRecordsView toOrganisationView(AccessLogPage page) {
        return new AuditRecordsView(page.entries().stream().map(AccessLogMapper::toRecord).toList(),
                page.next().map(AccessLogCursor::token).orElse(null));
    }

    private static AccessLogEntry toEntry(AccessLogRecord e, AccessLogPage page) {
        AccessLogEntry.Disclosure disclosure = null;
        ConsentDecision decision = e.action == AuditAction.DECIDE && e.resourceType == AuditResource.CONSENT_DECISION
                && e.resourceId != null ? decisionOf(e, page) : null;
        if (decision != null) {
            disclosure = new AccessLogEntry.Disclosure(decision.recipientOrganisation,
                    page.nameOf(decision.recipientOrganisation), decision.outcome, decision.dataCategorySet(),
                    decision.reason, decision.needId);
        }
        return new AccessLogEntry(e.id, e.recordedAt,
                new AccessLogEntry.Actor(e.actorOrg, page.nameOf(e.actorOrg), e.actorRole), e.action, e.resourceType,
                e.resourceId, e.purpose, e.legalBasis, e.statutory, e.outcome, e.refusalStatus, e.service, disclosure);
    }

    private static ConsentDecision decisionOf(AccessLogRecord e, AccessLogPage page) {
        try {
            return page.decisions().get(UUID.fromString(e.resourceId));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static AuditRecordView toRecord(AccessLogRecord e) {
        return new AuditRecordView(e.id, e.recordedAt, e.service, e.position, e.actorSub, e.actorOrg, e.actorRole,
                e.action, e.resourceType, e.resourceId, e.clientId, e.purpose, e.legalBasis, e.statutory, e.outcome,
                e.refusalStatus, e.correlationId);
    }
}
