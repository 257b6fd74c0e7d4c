package fi.yhdyspinta.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import fi.yhdyspinta.consent.domain.AccessLogRecord;
import fi.yhdyspinta.consent.service.AccessLogService;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.platform.inbox.BatchInbox;
import fi.yhdyspinta.platform.inbox.BatchInboxes;
import io.smallrye.mutiny.Uni;

/**
 * Every service's sealed audit records on {@code audit} become the clients' access log: a batch of records per
 * transaction ({@link BatchInbox}: every service's every act comes through here, one commit per record was
 * consent-service's largest cost), each record kept once (the record id is the row's key), acknowledged after its
 * batch committed; poison to {@code audit.dlq}. Consuming is not an actor's read of client data: nothing is
 * audited here.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private final BatchInbox<AccessLogRecord> inbox;

    public AuditEventsConsumer(BatchInboxes inboxes, AccessLogService accessLog) {
        this.inbox = inboxes.of(EventType.AUDIT_RECORDED, AuditRecorded.class, AccessLogService::rowOf, accessLog::keep);
    }

    @Incoming("audit")
    public Uni<Void> consume(Message<String> record) {
        return inbox.offer(record);
    }
}
