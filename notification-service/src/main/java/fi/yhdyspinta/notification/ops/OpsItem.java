package fi.yhdyspinta.notification.ops;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An item of the ops inbox (ylläpidon ilmoitus): an alert for role ops, which belongs to no organisation and sees no
 * client data — ids and codes only, no client id. One item per source event.
 */
@Entity
@Table(name = "ops_item")
public class OpsItem {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OpsItemType type;

    /** The service that raised the alert (the event's CloudEvents source). */
    @Column(name = "source_service", nullable = false)
    public String sourceService;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "source_event_type", nullable = false)
    public String sourceEventType;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "document_version")
    public Integer documentVersion;

    @Column(name = "document_kind")
    public String documentKind;

    public String register;

    @Column(name = "author_organisation")
    public String authorOrganisation;

    @Column(name = "document_created_at")
    public OffsetDateTime documentCreatedAt;

    /** By when the archive should have acknowledged the version. */
    @Column(name = "ack_deadline")
    public OffsetDateTime ackDeadline;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Version
    public long version;
}
