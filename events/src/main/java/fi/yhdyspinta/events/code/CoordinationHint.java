package fi.yhdyspinta.events.code;

/**
 * Hints that a client's services need coordinating (care-plan-service, {@code CoordinationHints}): each has a
 * rule with configurable thresholds.
 */
public enum CoordinationHint {
    /** Many active services across sectors and no joint client plan (SHL 39 §, 46 §). */
    COORDINATED_PLAN_SUGGESTED,
    /** A plan without its one responsible worker (SHL 42 §): only legacy or imported plans can be so. */
    RESPONSIBLE_WORKER_MISSING,
    /** The plan's review date has passed. */
    PLAN_REVIEW_OVERDUE
}
