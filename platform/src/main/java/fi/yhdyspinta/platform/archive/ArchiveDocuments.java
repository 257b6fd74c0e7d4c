package fi.yhdyspinta.platform.archive;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.events.payload.ArchiveDocumentChanged;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's archive documents (Kanta-style, DESIGN §9). A service records a finished document in the act's own
 * transaction ({@link #record}), which also records {@code archive-document-ready} in the outbox (ids and codes
 * only); the regional archive pulls the feed in cursor order, pulls each document (the FHIR Bundle, with the
 * henkilötunnus) and acknowledges it with its archive id ({@link ArchiveResource}). A correction is the same
 * document id with the next version; it replaces the previous version in the feed.
 */
@ApplicationScoped
public class ArchiveDocuments {

    static final int MAX_LIMIT = 500;

    private final Pool pool;
    private final Outbox outbox;
    private final ServiceClock clock;
    private final Duration ackDeadline;

    public ArchiveDocuments(Pool pool, Outbox outbox, ServiceClock clock,
            @ConfigProperty(name = "yhdyspinta.archive.ack-deadline", defaultValue = "P5D") Duration ackDeadline) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.ackDeadline = ackDeadline;
    }

    /** How long the archive has to acknowledge a version (STM decree 298/2009: five days). */
    public Duration ackDeadline() {
        return ackDeadline;
    }

    /**
     * Records the next version of the document (1 for a new one) and its {@code archive-document-ready} event. Must
     * run inside the act's Hibernate Reactive transaction, like {@code Outbox.record}: the document commits with its act.
     */
    public Uni<ArchivedVersion> record(ArchiveDraft draft, Causation causation) {
        OffsetDateTime now = clock.now();
        return Panache.currentTransaction().chain(transaction -> {
            if (transaction == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "ArchiveDocuments.record must run inside the act's transaction (@WithTransaction)"));
            }
            return Panache.getSession().chain(session -> session
                    .createNativeQuery("select coalesce(max(version), 0) from archive_document where document_id = :id",
                            Integer.class)
                    .setParameter("id", draft.documentId())
                    .getSingleResult()
                    .chain(previous -> {
                        int version = previous + 1;
                        Integer replaces = previous == 0 ? null : previous;
                        return session.createNativeQuery("insert into archive_document (document_id, version, "
                                + "replaces_version, kind, register, service_event_id, author_organisation, client_id, "
                                + "confidentiality, retention_class, bundle, created_at) values (:id, :version, "
                                + "nullif(:replaces, 0), :kind, :register, :event, :author, :client, :confidentiality, :retention, "
                                + ":bundle, :created) returning cursor_position", Long.class)
                                .setParameter("id", draft.documentId())
                                .setParameter("version", version)
                                .setParameter("replaces", previous)
                                .setParameter("kind", draft.kind().name())
                                .setParameter("register", draft.register().name())
                                .setParameter("event", draft.serviceEventId())
                                .setParameter("author", draft.authorOrganisation())
                                .setParameter("client", draft.clientId().value())
                                .setParameter("confidentiality", draft.confidentiality())
                                .setParameter("retention", draft.retention().name())
                                .setParameter("bundle", draft.bundleJson())
                                .setParameter("created", now)
                                .getSingleResult()
                                .map(cursor -> new ArchivedVersion(draft.documentId(), version, replaces,
                                        draft.register().name(), draft.kind().name(), draft.authorOrganisation(), now,
                                        cursor));
                    }))
                    .call(recorded -> outbox.record(EventType.ARCHIVE_DOCUMENT_READY, draft.clientId(),
                            payload(recorded, draft.clientId().value()), causation));
        });
    }

    /**
     * The latest version's bundle of a document, read in the caller's session (a service making a correction reads
     * what it corrects, e.g. the client's identifier, which the service itself does not keep).
     */
    public Uni<Optional<String>> latestBundle(UUID documentId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select bundle from archive_document where document_id = :id "
                        + "order by version desc limit 1", String.class)
                .setParameter("id", documentId)
                .getResultList())
                .map(list -> list.stream().findFirst());
    }

    /** The feed after a cursor: the latest version of each document, in cursor order, at most {@code limit}. */
    public Uni<ArchiveFeedPage> feed(long after, int limit, Optional<ArchiveRegister> register) {
        String sql = "select cursor_position, document_id, version, replaces_version, register, kind, "
                + "author_organisation, created_at from archive_document d where cursor_position > $1 "
                + "and ($2::text is null or register = $2) and not exists (select 1 from archive_document n "
                + "where n.document_id = d.document_id and n.version > d.version) order by cursor_position limit $3";
        return pool.preparedQuery(sql).execute(Tuple.of(after, register.map(Enum::name).orElse(null), limit))
                .map(rows -> {
                    List<ArchivedVersion> documents = new ArrayList<>();
                    for (Row row : rows) {
                        documents.add(version(row));
                    }
                    long next = documents.isEmpty() ? after : documents.get(documents.size() - 1).cursor();
                    return new ArchiveFeedPage(documents, next);
                });
    }

    /** One version (the latest when {@code version} is empty) with its bundle and client id, or nothing. */
    public Uni<Optional<StoredDocument>> find(UUID id, Optional<Integer> version) {
        String sql = "select cursor_position, document_id, version, replaces_version, register, kind, "
                + "author_organisation, created_at, client_id, bundle from archive_document where document_id = $1 "
                + "and ($2::int is null or version = $2) order by version desc limit 1";
        return pool.preparedQuery(sql).execute(Tuple.of(id, version.orElse(null))).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            return Optional.of(new StoredDocument(version(row), row.getString("client_id"), row.getString("bundle")));
        });
    }

    /**
     * The archive acknowledges a version with its archive id. The same id again answers the same; another archive id
     * for an acknowledged version is a conflict (409); an unknown document or version is 404.
     */
    public Uni<ArchiveAckView> acknowledge(UUID id, ArchiveAck ack) {
        OffsetDateTime now = clock.now();
        return pool.withTransaction(connection -> connection
                .preparedQuery("select archive_id, acknowledged_at from archive_document where document_id = $1 "
                        + "and version = $2 for update")
                .execute(Tuple.of(id, ack.version()))
                .chain(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Uni.createFrom().failure(ProblemException.notFound("archive document version"));
                    }
                    Row row = iterator.next();
                    String archived = row.getString("archive_id");
                    if (archived != null) {
                        if (archived.equals(ack.archiveId())) {
                            return Uni.createFrom().item(new ArchiveAckView(id, ack.version(), archived,
                                    row.getOffsetDateTime("acknowledged_at")));
                        }
                        return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                                "version " + ack.version() + " of this document was acknowledged with another archiveId"));
                    }
                    return connection.preparedQuery("update archive_document set archive_id = $3, acknowledged_at = $4 "
                            + "where document_id = $1 and version = $2")
                            .execute(Tuple.of(id, ack.version(), ack.archiveId(), now))
                            .replaceWith(new ArchiveAckView(id, ack.version(), ack.archiveId(), now));
                }));
    }

    static ArchiveDocumentChanged payload(ArchivedVersion version, String clientId, Duration deadline) {
        return new ArchiveDocumentChanged(version.id().toString(), version.version(), version.replacesVersion(),
                version.kind(), version.register(), version.authorOrganisation(), clientId, version.createdAt(),
                version.createdAt().plus(deadline));
    }

    private ArchiveDocumentChanged payload(ArchivedVersion version, String clientId) {
        return payload(version, clientId, ackDeadline);
    }

    static ArchivedVersion version(Row row) {
        return new ArchivedVersion(row.getUUID("document_id"), row.getInteger("version"),
                row.getInteger("replaces_version"), row.getString("register"), row.getString("kind"),
                row.getString("author_organisation"), row.getOffsetDateTime("created_at"),
                row.getLong("cursor_position"));
    }

    /** A stored version with what only the archive may get: the client id for the audit record, and the bundle. */
    public record StoredDocument(ArchivedVersion version, String clientId, String bundle) {
    }
}
