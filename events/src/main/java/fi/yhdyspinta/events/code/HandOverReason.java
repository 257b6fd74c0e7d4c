package fi.yhdyspinta.events.code;

/** Why the responsible worker (vastuutyöntekijä, SHL 42 §) of a client plan was handed over. */
public enum HandOverReason {
    /** The client's main need moved to another service or sector. */
    SERVICE_NEED_CHANGED,
    /** The worker leaves the unit, changes tasks or is away for long. */
    WORKER_UNAVAILABLE,
    /** The client asked for another worker. */
    CLIENT_REQUEST,
    /** Workload was rebalanced in the unit. */
    WORKLOAD,
    /** The organisation's own assignment rules (e.g. after a joint assessment). */
    ASSIGNMENT
}
