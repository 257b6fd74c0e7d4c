package fi.yhdyspinta.events.code;

/** The kind of resource an audited act touched. */
public enum AuditResource {
    REFERRAL,
    NEED,
    CONSENT,
    PROHIBITION,
    CONSENT_DECISION,
    JOINT_ASSESSMENT,
    CLIENT_OVERVIEW,
    INBOX_ITEM,
    ACCESS_LOG,
    NOTIFICATION,
    ARCHIVE_DOCUMENT,
    /** A joint client plan (asiakassuunnitelma), its versions and responsible-worker hand-overs. */
    CARE_PLAN
}
