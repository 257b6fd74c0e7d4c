package fi.yhdyspinta.events.payload;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A new approved version of a joint client plan: ids, codes, the version and the participating organisations —
 * never goals, actions or any other text. {@code aggregateVersion} is the plan's version after the change (its
 * ETag), {@code planVersion} the number of the content version (1, 2, …). {@code sharingRevokedOrganisations}
 * still take part on paper but see ids only (their consent was revoked).
 */
public record CarePlanUpdated(
        String planId,
        String clientId,
        long aggregateVersion,
        int planVersion,
        String responsibleOrganisation,
        List<String> participatingOrganisations,
        List<String> sharingRevokedOrganisations,
        List<String> referralIds,
        String jointAssessmentId,
        LocalDate reviewDate,
        OffsetDateTime updatedAt) {
}
