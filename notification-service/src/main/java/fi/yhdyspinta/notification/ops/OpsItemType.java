package fi.yhdyspinta.notification.ops;

/** What an ops inbox item tells ops. */
public enum OpsItemType {
    /** A version of an archive document was not acknowledged by the regional archive within the deadline (P5D). */
    ARCHIVE_OVERDUE
}
