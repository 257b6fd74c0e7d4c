package fi.yhdyspinta.events.payload;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A coordination hint first became true for a client: raised once per client, hint and plan, to the organisations
 * involved. {@code planId} is null for a hint about the client as a whole (COORDINATED_PLAN_SUGGESTED).
 */
public record CoordinationHintRaised(
        String clientId,
        String hint,
        String ruleId,
        String planId,
        List<String> organisations,
        Thresholds thresholds,
        OffsetDateTime raisedAt) {

    /** The rule's thresholds when it fired; those that do not apply to the rule are null. */
    public record Thresholds(Integer minActiveServices, Integer minSectors, Integer reviewGraceDays) {
    }
}
