package fi.yhdyspinta.events.code;

/** Referral states (DESIGN §4); FHIR Task status names where they fit. */
public enum ReferralStatus {
    AWAITING_CONSENT,
    SENT,
    RECEIVED,
    ACCEPTED,
    DECLINED,
    FORWARDED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    SUSPENDED,
    EXPIRED
}
