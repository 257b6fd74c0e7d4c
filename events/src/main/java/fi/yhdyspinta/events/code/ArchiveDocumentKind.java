package fi.yhdyspinta.events.code;

/** What a finished document offered to the archive records. */
public enum ArchiveDocumentKind {
    /** A consent (suostumus) or a refusal, and as a new version its revocation. */
    CONSENT,
    /** A completed referral with the receiver's feedback (closed loop). */
    REFERRAL,
    /** A completed joint service-need assessment. */
    JOINT_ASSESSMENT,
    /** An approved version of a joint client plan. */
    CARE_PLAN
}
