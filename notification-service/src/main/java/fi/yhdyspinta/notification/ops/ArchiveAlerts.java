package fi.yhdyspinta.notification.ops;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fi.yhdyspinta.events.CloudEvent;
import fi.yhdyspinta.events.payload.ArchiveDocumentChanged;
import io.smallrye.mutiny.Uni;

/**
 * {@code archive-overdue} from any service (platform ArchiveOverdue, raised once per unacknowledged version) becomes
 * an item in the ops inbox: regional IT's archive did not pull and acknowledge a document in time (STM decree
 * 298/2009: five days). The client id the event carries is not kept: ops sees no client data.
 */
@ApplicationScoped
public class ArchiveAlerts {

    private static final Logger LOG = Logger.getLogger(ArchiveAlerts.class);

    private final OpsItemRepository items;

    public ArchiveAlerts(OpsItemRepository items) {
        this.items = items;
    }

    public Uni<Void> overdue(CloudEvent event, ArchiveDocumentChanged document) {
        UUID sourceEventId = UUID.fromString(event.id());
        UUID documentId = UUID.fromString(document.documentId());
        return items.existsFor(sourceEventId, event.source(), documentId, document.version()).chain(exists -> {
            if (exists) {
                LOG.infof("archive-overdue %s: its document version is already in the ops inbox", event.id());
                return Uni.createFrom().voidItem();
            }
            OpsItem item = new OpsItem();
            item.id = UUID.randomUUID();
            item.type = OpsItemType.ARCHIVE_OVERDUE;
            item.sourceService = event.source();
            item.sourceEventId = sourceEventId;
            item.sourceEventType = event.type();
            item.documentId = documentId;
            item.documentVersion = document.version();
            item.documentKind = document.kind();
            item.register = document.register();
            item.authorOrganisation = document.authorOrganisation();
            item.documentCreatedAt = document.createdAt();
            item.ackDeadline = document.ackDeadline();
            item.correlationId = event.correlationid();
            item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return items.persist(item).replaceWithVoid();
        });
    }
}
