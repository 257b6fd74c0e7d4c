package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;

/**
 * The plan's responsible worker (vastuutyöntekijä, SHL 42 §) was handed over. Workers are token subjects
 * (account ids, never names); {@code fromWorker}/{@code fromOrganisation} are null only for a legacy plan that had
 * none.
 */
public record ResponsibleWorkerChanged(
        String planId,
        String clientId,
        long aggregateVersion,
        String fromWorker,
        String fromOrganisation,
        String toWorker,
        String toOrganisation,
        String handOverReason,
        OffsetDateTime changedAt) {
}
