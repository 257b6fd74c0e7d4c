package fi.yhdyspinta.notification.ops;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ops inbox item: ids and codes only, never client data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpsItemView(
        UUID id,
        OpsItemType type,
        @Schema(description = "always ops: the inbox of role ops, which belongs to no organisation") String audience,
        @Schema(description = "the service that raised the alert, e.g. /yhdyspinta/referral-service") String sourceService,
        UUID documentId,
        Integer documentVersion,
        String documentKind,
        String register,
        String authorOrganisation,
        OffsetDateTime documentCreatedAt,
        OffsetDateTime ackDeadline,
        UUID sourceEventId,
        String sourceEventType,
        OffsetDateTime createdAt,
        boolean acknowledged,
        OffsetDateTime acknowledgedAt,
        String acknowledgedBy) {

    public static final String AUDIENCE = "ops";

    public static OpsItemView of(OpsItem item) {
        return new OpsItemView(item.id, item.type, AUDIENCE, item.sourceService, item.documentId,
                item.documentVersion, item.documentKind, item.register, item.authorOrganisation,
                item.documentCreatedAt, item.ackDeadline, item.sourceEventId, item.sourceEventType, item.createdAt,
                item.acknowledgedAt != null, item.acknowledgedAt, item.acknowledgedBy);
    }
}
