package fi.yhdyspinta.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.consent.service.AccessLogService;
import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.AuditRecorded;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * Every service's sealed audit records on {@code audit} become the clients' access log: each record kept once
 * (idempotent inbox, and the record id as the row's key), poison to {@code audit.dlq}. Consuming is not an actor's
 * read of client data: nothing is audited here.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private final EventRoutes routes;

    public AuditEventsConsumer(EventRouter router, AccessLogService accessLog) {
        this.routes = router.routes(Topic.AUDIT).on(EventType.AUDIT_RECORDED, AuditRecorded.class, accessLog::recorded);
    }

    @Incoming("audit")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
