package fi.yhdyspinta.events.code;

/** Which data a disclosure carries. */
public enum DataCategory {
    NEED_SUMMARY,
    CONTACT_DETAILS,
    HEALTH_RECORD,
    SOCIAL_RECORD,
    CARE_PLAN
}
