package fi.yhdyspinta.careplan.domain;

/** What a participating organisation sees of a plan. */
public enum PlanSharing {
    /** The whole plan. */
    ACTIVE,
    /** The consent that let it in was revoked: ids only (AsL 16–17 §). */
    REVOKED,
    /** Taken off the plan by an edit: ids only. */
    REMOVED
}
