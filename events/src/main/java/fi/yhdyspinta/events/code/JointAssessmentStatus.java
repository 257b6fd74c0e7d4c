package fi.yhdyspinta.events.code;

/** A joint assessment invitation: it can be acknowledged, never declined (THL 32.2 §). */
public enum JointAssessmentStatus {
    REQUESTED,
    ACKNOWLEDGED,
    OVERDUE,
    COMPLETED
}
