package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * The client revoked the consent that let {@code organisation} into the plan: from now on it sees the plan's ids
 * only. The responsible organisation is told.
 */
public record PlanSharingRevoked(
        String planId,
        String clientId,
        long aggregateVersion,
        String organisation,
        String consentId,
        String responsibleOrganisation,
        OffsetDateTime revokedAt) {
}
