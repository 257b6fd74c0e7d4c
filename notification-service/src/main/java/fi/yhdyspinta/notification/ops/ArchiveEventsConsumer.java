package fi.yhdyspinta.notification.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.Topic;
import fi.yhdyspinta.events.payload.ArchiveDocumentChanged;
import fi.yhdyspinta.platform.inbox.EventRouter;
import fi.yhdyspinta.platform.inbox.EventRoutes;
import io.smallrye.mutiny.Uni;

/**
 * The {@code archive} topic of every service: {@code archive-overdue} goes to the ops inbox, each once, poison to the
 * DLQ; {@code archive-document-ready} is acknowledged unhandled (the archive pulls over REST).
 */
@ApplicationScoped
public class ArchiveEventsConsumer {

    private final EventRoutes routes;

    public ArchiveEventsConsumer(EventRouter router, ArchiveAlerts alerts) {
        this.routes = router.routes(Topic.ARCHIVE)
                .on(EventType.ARCHIVE_OVERDUE, ArchiveDocumentChanged.class, alerts::overdue);
    }

    @Incoming("archive")
    public Uni<Void> consume(String record) {
        return routes.handle(record);
    }
}
